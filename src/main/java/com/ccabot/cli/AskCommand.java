package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.answer.Answer;
import com.ccabot.chat.AnswerJson;
import com.ccabot.chat.AnswerText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ask}: answers its argument, or every line of standard input, on standard output. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer QUESTION, or each line of standard input when no question is given.")
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Option(names = "--json", description = "print one JSON object per answer, nothing else")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "the question (quote it or not)")
    List<String> words = List.of();

    @Override
    public Integer call() throws IOException {
        Application app = Application.start(root.config());
        PrintStream out = Output.utf8();
        if (!words.isEmpty()) {
            print(out, app.answers().answer(String.join(" ", words)));
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    print(out, app.answers().answer(line));
                }
            }
        }
        out.flush();
        return 0;
    }

    private void print(PrintStream out, Answer answer) {
        out.println(json ? AnswerJson.of(answer) : AnswerText.of(answer) + "\n");
        out.flush();
    }
}
