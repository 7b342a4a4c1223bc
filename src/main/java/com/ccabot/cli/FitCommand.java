package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.config.Config;
import com.ccabot.eval.EvalQuestion;
import com.ccabot.eval.ModelFitter;
import com.ccabot.retrieval.AnswerModels;
import com.ccabot.retrieval.RankFusion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code fit}: fits the sentence-choice and answerability models on a question bank's train split, chooses their
 * constants on its validation split, and writes them where the build ships them from.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the answer models on a question bank (train split), choose constants on its validation split.")
final class FitCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Parameters(paramLabel = "BANK", description = "the question bank, e.g. eval/train-questions.jsonl")
    Path bank;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/model",
            description = "where to write sentence-choice.json and answerability.json (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        var questions = EvalQuestion.read(bank);
        Config config = root.config();
        ModelFitter fitter = new ModelFitter(Application.indexOnly(config), RankFusion.valueOf(config.retrieval().fusion().name()),
                config.retrieval().topK(), config.answer().maxSentences(), config.answer().maxChars());
        AnswerModels models = fitter.fit(questions);
        models.choice().write(out.resolve(Path.of(AnswerModels.CHOICE_RESOURCE).getFileName()));
        models.answerability().write(out.resolve(Path.of(AnswerModels.ANSWERABILITY_RESOURCE).getFileName()));
        PrintStream stdout = Output.utf8();
        stdout.print(fitter.report());
        stdout.println("sentence choice: " + models.choice());
        stdout.println("answerability:   " + models.answerability());
        stdout.println("written to " + out + "; rebuild to ship them");
        stdout.flush();
        return 0;
    }
}
