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
     * question's vector can differ in its last bits from one JVM to the next, a sentence whose score ties with
     * another's may change sides, and two features that move together (the best passage's and the best sentence's
     * similarity) share their weight differently. Between clean runs the weight vectors stayed within 2.5% of each
     * other (in L2 distance, relative to their length); a change to the features or the data moves them by far more.
     */
    private static void assertSame(LogisticModel fitted, LogisticModel shipped) {
        assertThat(fitted.features()).isEqualTo(shipped.features());
        double distance = Math.pow(fitted.bias() - shipped.bias(), 2);
        double length = Math.pow(shipped.bias(), 2);
        for (int i = 0; i < fitted.weights().length; i++) {
            distance += Math.pow(fitted.weights()[i] - shipped.weights()[i], 2);
            length += Math.pow(shipped.weights()[i], 2);
        }
        assertThat(Math.sqrt(distance / length)).as("relative distance of fitted %s to shipped %s",
                java.util.Arrays.toString(fitted.weights()), java.util.Arrays.toString(shipped.weights()))
                .isLessThan(0.05);
        assertThat(fitted.threshold()).isCloseTo(shipped.threshold(), within(0.05));
        assertThat(fitted.settings()).isEqualTo(shipped.settings());
    }
}
