package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.eval.EvalQuestion;
import com.ccabot.eval.EvalReport;
import com.ccabot.eval.EvalRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code eval}: runs a question set and prints the figures per kind (per split too, when the set has splits), the
 * context recall, and the failures with the stage that failed.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run a question set (JSON lines: id, kind, question, facts, sources, answered, optional split)"
                + " and report per kind and split, with context recall and the failing stage of each failure.")
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Parameters(paramLabel = "FILE", description = "the question set, e.g. eval/dev-questions.jsonl")
    Path file;

    @Override
    public Integer call() {
        List<EvalQuestion> questions = EvalQuestion.read(file);
        Application app = Application.start(root.config());
        EvalReport report = new EvalRunner(app.answers()).run(questions);
        PrintStream out = Output.utf8();
        out.print(report.format(app.answers().cacheFigures()));
        out.flush();
        return 0;
    }
}
