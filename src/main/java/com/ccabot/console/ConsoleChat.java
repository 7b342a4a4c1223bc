package com.ccabot.console;

import com.ccabot.ask.Assistant;
import com.ccabot.answer.Answer;
import com.ccabot.chat.AnswerStats;
import com.ccabot.chat.AnswerText;
import com.ccabot.knowledge.KnowledgeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console transport: a prompt with line editing and history (JLine) on a terminal, where Ctrl-C abandons the
 * answer being written; when standard input is not a terminal, it reads lines and prints answers with no prompts,
 * so it can be scripted.
 */
public final class ConsoleChat {

    private static final Logger log = LoggerFactory.getLogger(ConsoleChat.class);

    private static final String HELP = """
            Ask a question about China–Central Asia cooperation in English, e.g. about the summits, treaties, trade,
            education, poverty reduction, desertification or forums. Every answer cites its articles.
              :sources   list the articles I answer from
              :stats     questions answered, cache hits, latency
              :reload    read the articles again (changes are taken in as they happen, too)
              :help      this help
              :quit      leave (or Ctrl-D, or Ctrl-C twice)
              Ctrl-C     stop the answer being written, or clear the line""";

    /** The most lines of history kept, in memory and in its file. */
    static final int HISTORY_LINES = 1000;
    /** JLine's patterns (':' separates them, '\' escapes): commands are not worth recalling, questions are. */
    private static final String NOT_IN_HISTORY = "\\:*:/*:quit:exit";

    private final Assistant app;
    private final InputStream in;
    private final PrintStream out;
    private final Path history;
    private final AnswerStats stats;
    /** One console session is one conversation: follow-ups refer to what was asked before in it. */
    private final String conversation = "console-" + java.util.UUID.randomUUID();

    /**
     * @param history the file the terminal's line history is kept in from one session to the next; null keeps it
     *                for the session only. Piped lines have no history.
     */
    public ConsoleChat(Assistant app, InputStream in, PrintStream out, Path history) {
        this.app = app;
        this.stats = new AnswerStats(app.meters());
        this.in = in;
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.history = history;
    }

    /** Chats until the input ends or the user quits; returns the exit code. */
    public int run() {
        try {
            if (Terminals.interactive() && in == System.in) {
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    return chatOn(terminal);
                }
            }
            return runOnLines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chats on a terminal until Ctrl-D, {@code :quit} or Ctrl-C twice at an empty prompt; returns the exit code. */
    int chatOn(Terminal terminal) {
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("cca-bot")
                .variable(LineReader.HISTORY_SIZE, HISTORY_LINES)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_LINES)
                .variable(LineReader.HISTORY_IGNORE, NOT_IN_HISTORY);
        writableHistory().ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        LineReader reader = builder.build();
        Consumer<String> screen = text -> {
            terminal.writer().print(text);
            terminal.writer().flush();
        };
        // Between prompts Ctrl-C does nothing; JLine's default for a system terminal is the JVM's, which ends it
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
        try {
            screen.accept("cca-bot: " + app.articles().size() + " articles loaded. Ask a question, or type :help."
                    + System.lineSeparator());
            boolean leaving = false; // a first Ctrl-C at an empty prompt says how to leave, a second one leaves
            while (true) {
                String line;
                try {
                    line = reader.readLine("you> ");
                } catch (UserInterruptException e) {
                    if (!e.getPartialLine().isEmpty()) {
                        leaving = false; // Ctrl-C clears the line, as in a shell
                    } else if (leaving) {
                        return 0;
                    } else {
                        leaving = true;
                        screen.accept("(press Ctrl-C again or type :quit to leave)" + System.lineSeparator());
                    }
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                leaving = false;
                if (!handle(line, screen, terminal)) {
                    return 0;
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, before);
        }
    }

    /** The history file when it can be written; otherwise one warning, and the history lasts for this session. */
    private Optional<Path> writableHistory() {
        if (history == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(history.toAbsolutePath().getParent());
            // opened only to learn now, not at every line JLine appends, that the file can be written
            Files.newOutputStream(history, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            return Optional.of(history);
        } catch (IOException | SecurityException e) {
            log.warn("cannot keep the console history in {}; it lasts for this session only: {}", history, e.toString());
            return Optional.empty();
        }
    }

    private int runOnLines() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (!handle(line, text -> {
                out.print(text);
                out.flush();
            }, null)) {
                break;
            }
        }
        out.flush();
        return 0;
    }

    private String reload() {
        try {
            String changed = app.reload();
            return AnswerText.reloaded(changed, app.articles().size(), app.passages());
        } catch (KnowledgeException e) {
            return "Reload failed, still answering from the previous articles: " + e.getMessage();
        }
    }

    private String stats() {
        return "questions: %d (%d declined); latency of the last 10 min p50 %.2f ms, p95 %.2f ms%n%s".formatted(stats.questions(),
                stats.declined(), stats.latencyPercentile(50), stats.latencyPercentile(95), app.cacheFigures());
    }

    /**
     * Answers one line or runs its command; false when the user asked to leave.
     *
     * @param terminal the terminal whose Ctrl-C abandons the answer being written; null to wait for every answer
     */
    boolean handle(String line, Consumer<String> screen, Terminal terminal) {
        Consumer<String> print = text -> screen.accept(text + System.lineSeparator());
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
            case ":reload", "/reload" -> print.accept(reload() + "\n");
            case ":stats", "/stats" -> print.accept(stats()
                    + (app.backendFigures().isEmpty() ? "" : "\n" + app.backendFigures()) + "\n");
            default -> {
                LivePrinter live = new LivePrinter(screen);
                Supplier<Answer> answering = () -> app.streams()
                        ? app.answer(line, conversation, live::show)
                        : app.answer(line, conversation);
                Optional<Answer> answer = terminal == null
                        ? Optional.of(answering.get())
                        : untilCtrlC(terminal, answering, live);
                if (answer.isEmpty()) {
                    print.accept(System.lineSeparator() + "(cancelled)");
                    return true;
                }
                print.accept(live.finish(answer.get()) + "\n");
            }
        }
        return true;
    }

    /**
     * Computes an answer on a thread of its own and waits for it, or until Ctrl-C on the terminal: then the answer
     * is abandoned, and nothing more of it is shown. It is not interrupted but left to finish in the background,
     * because a model call cut short would count as a failure of the model (and may open its circuit breaker).
     */
    private static Optional<Answer> untilCtrlC(Terminal terminal, Supplier<Answer> answering, LivePrinter live) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, signal -> answer.cancel(false));
        try {
            // a new thread each time: the next question must not wait for an abandoned answer to finish
            answer.completeAsync(answering, task -> {
                Thread thread = new Thread(task, "console-answer");
                thread.setDaemon(true);
                thread.start();
            });
            return Optional.of(answer.join());
        } catch (CancellationException e) {
            live.stop();
            return Optional.empty();
        } finally {
            terminal.handle(Terminal.Signal.INT, before);
        }
    }
}
