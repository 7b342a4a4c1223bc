package com.ccabot.console;

import com.ccabot.ask.Assistant;
import com.ccabot.answer.Answer;
import com.ccabot.chat.AnswerStats;
import com.ccabot.chat.AnswerText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console transport: a prompt with line editing and history (JLine) on a terminal; when standard input is
 * not a terminal, it reads lines and prints answers with no prompts, so it can be scripted.
 */
public final class ConsoleChat {

    private static final String HELP = """
            Ask a question about China–Central Asia cooperation in English, e.g. about the summits, treaties, trade,
            education, poverty reduction, desertification or forums. Every answer cites its articles.
              :sources   list the articles I answer from
              :stats     questions answered, cache hits, latency
              :help      this help
              :quit      leave (or Ctrl-D)""";

    private final Assistant app;
    private final InputStream in;
    private final PrintStream out;
    private final AnswerStats stats;
    /** One console session is one conversation: follow-ups refer to what was asked before in it. */
    private final String conversation = "console-" + java.util.UUID.randomUUID();

    public ConsoleChat(Assistant app, InputStream in, PrintStream out) {
        this.app = app;
        this.stats = new AnswerStats(app.meters());
        this.in = in;
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** Chats until the input ends or the user quits; returns the exit code. */
    public int run() {
        try {
            return Terminals.interactive() && in == System.in ? runOnTerminal() : runOnLines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int runOnTerminal() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("cca-bot").build();
            terminal.writer().println("cca-bot: " + app.articles().size()
                    + " articles loaded. Ask a question, or type :help.");
            while (true) {
                String line;
                try {
                    line = reader.readLine("you> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C clears the line, as in a shell; Ctrl-D or :quit leaves
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (!handle(line, text -> {
                    terminal.writer().print(text);
                    terminal.writer().flush();
                })) {
                    return 0;
                }
                terminal.writer().flush();
            }
        }
    }

    private int runOnLines() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (!handle(line, text -> {
                out.print(text);
                out.flush();
            })) {
                break;
            }
        }
        out.flush();
        return 0;
    }

    private String stats() {
        return "questions: %d (%d declined); latency of the last 10 min p50 %.2f ms, p95 %.2f ms%n%s".formatted(stats.questions(),
                stats.declined(), stats.latencyPercentile(50), stats.latencyPercentile(95), app.cacheFigures());
    }

    /** Answers one line or runs its command; false when the user asked to leave. */
    boolean handle(String line, java.util.function.Consumer<String> screen) {
        java.util.function.Consumer<String> print = text -> screen.accept(text + System.lineSeparator());
        String command = line.strip().toLowerCase(Locale.ROOT);
        switch (command) {
            case "" -> {
                return true; // an empty line is not a question; the prompt simply returns
            }
            case ":quit", ":q", ":exit", "/quit", "/exit", "quit", "exit" -> {
                return false;
            }
            case ":help", "/help", "/start", "?" -> print.accept(HELP + "\n");
            case ":sources", "/sources" -> print.accept(AnswerText.sources(app.articles()) + "\n");
            case ":stats", "/stats" -> print.accept(stats()
                    + (app.backendFigures().isEmpty() ? "" : "\n" + app.backendFigures()) + "\n");
            default -> {
                LivePrinter live = new LivePrinter(screen);
                Answer answer = app.streams()
                        ? app.answer(line, conversation, live::show)
                        : app.answer(line, conversation);
                print.accept(live.finish(answer) + "\n");
            }
        }
        return true;
    }
}
