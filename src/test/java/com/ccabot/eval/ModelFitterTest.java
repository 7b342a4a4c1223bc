package com.ccabot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ccabot.TestPipeline;
import com.ccabot.retrieval.AnswerModels;
import com.ccabot.retrieval.LogisticModel;
import com.ccabot.retrieval.RankFusion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFitterTest {

    private static final Path BANK = Path.of("eval/train-questions.jsonl");

    @Test
    void fittingTheBankReproducesTheShippedModels() {
        ModelFitter fitter = new ModelFitter(TestPipeline.app().index(), RankFusion.RRF, 6, 3, 600);
        AnswerModels fitted = fitter.fit(EvalQuestion.read(BANK));
        AnswerModels shipped = AnswerModels.shipped();

        assertSame(fitted.choice(), shipped.choice());
        assertSame(fitted.answerability(), shipped.answerability());
        assertThat(fitter.report()).contains("on train", "on validation");
    }

    @Test
    void theBankHasBothSplitsAndAnswerQuotes() {
        List<EvalQuestion> bank = EvalQuestion.read(BANK);

        assertThat(bank).extracting(EvalQuestion::split).containsOnly(ModelFitter.TRAIN, ModelFitter.VALIDATION);
        assertThat(bank.stream().filter(EvalQuestion::answered)).allSatisfy(q -> assertThat(q.answerQuotes()).isNotEmpty());
    }

    /**
     * Equal up to what differs between runs: ONNX Runtime splits its work between threads as they come free, so a
     * question's vector can differ in its last bits from one JVM to the next, and a sentence whose score ties with
     * another's may change sides. Clean clones moved single weights by up to 0.0055 (of weights up to 1.6); any
     * change to the features or the data moves them by several hundredths.
     */
    private static void assertSame(LogisticModel fitted, LogisticModel shipped) {
        assertThat(fitted.features()).isEqualTo(shipped.features());
        for (int i = 0; i < fitted.weights().length; i++) {
            assertThat(fitted.weights()[i]).as(fitted.features().get(i)).isCloseTo(shipped.weights()[i], within(0.02));
        }
        assertThat(fitted.bias()).isCloseTo(shipped.bias(), within(0.02));
        assertThat(fitted.threshold()).isCloseTo(shipped.threshold(), within(0.011));
        assertThat(fitted.settings()).isEqualTo(shipped.settings());
    }
}
