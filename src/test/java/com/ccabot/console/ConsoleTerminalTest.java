package com.ccabot.console;

import static com.ccabot.console.TypedTerminal.CTRL_C;
import static com.ccabot.console.TypedTerminal.CTRL_P;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ccabot.TestPipeline;
import com.ccabot.answer.Answer;
import com.ccabot.ask.Assistant;
import com.ccabot.cache.CacheFigures;
import com.ccabot.knowledge.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The console on a terminal: Ctrl-C while an answer is written, at the prompt, and the history file. */
class ConsoleTerminalTest {

    private static final String QUESTION = "Where was the second China-Central Asia Summit held?";
    private static final String PROMPT = "you> ";

    @TempDir
    Path folder;

    private TypedTerminal typed;

    @AfterEach
    void close() throws IOException {
        if (typed != null) {
            typed.close();
        }
    }

    @Test
    void ctrlCWhileAnAnswerIsWrittenAbandonsItAndTheConsoleGoesOn() throws Exception {
        HeldAssistant held = new HeldAssistant();
        CompletableFuture<Integer> exit = chat(held, null);

        typed.awaitShown(PROMPT, 1);
        typed.type(QUESTION + "\r");
        typed.awaitShown("Astana ", 1);
        typed.type(CTRL_C);
        typed.awaitShown("(cancelled)", 1);
        typed.awaitShown(PROMPT, 2);
        held.release.countDown();
        assertThat(held.finished.await(10, TimeUnit.SECONDS)).isTrue();
        typed.type(":stats\r");
        typed.awaitShown("questions: 0", 1);
        typed.awaitShown(PROMPT, 3);
        typed.type(":quit\r");

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        String shown = typed.shown();
        assertThat(shown.indexOf("(cancelled)")).isGreaterThan(shown.indexOf("Astana "));
        assertThat(shown).doesNotContain(HeldAssistant.LATE, "Sources:");
    }

    @Test
    void ctrlCWithTextTypedClearsTheLineAndTwiceAtAnEmptyPromptLeaves() throws Exception {
        // meters of its own: the cleared line must not have been asked
        CompletableFuture<Integer> exit = chat(new HeldAssistant(), null);

        typed.awaitShown(PROMPT, 1);
        typed.type("half a question");
        typed.awaitShown("half a question", 1);
        typed.type(CTRL_C);
        typed.awaitShown(PROMPT, 2);
        typed.type(":stats\r");
        typed.awaitShown("questions: 0", 1);
        typed.awaitShown(PROMPT, 3);
        typed.type(CTRL_C);
        typed.awaitShown("press Ctrl-C again or type :quit to leave", 1);
        typed.awaitShown(PROMPT, 4);
        typed.type(CTRL_C);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(typed.shown()).containsOnlyOnce("press Ctrl-C again");
    }

    @Test
    void questionsAreKeptInTheHistoryFileAndRecalledInTheNextSession() throws Exception {
        Path history = folder.resolve("cache/console-history");
        CompletableFuture<Integer> first = chat(TestPipeline.app(), history);
        typed.awaitShown(PROMPT, 1);
        typed.type(QUESTION + "\r");
        typed.awaitShown(PROMPT, 2);
        typed.type(":stats\r");
        typed.awaitShown(PROMPT, 3);
        typed.type(":quit\r");
        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        typed.close();

        assertThat(Files.readAllLines(history)).singleElement().asString().endsWith(QUESTION);

        CompletableFuture<Integer> second = chat(TestPipeline.app(), history);
        typed.awaitShown(PROMPT, 1);
        typed.type(CTRL_P + "\r"); // the previous line of the history, as the up arrow
        typed.awaitShown("Sources:", 1);
        typed.type(":quit\r");
        assertThat(second.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(typed.shown()).contains("Astana");
    }

    @Test
    void aHistoryFolderThatCannotBeWrittenLeavesTheConsoleWorkingWithOneWarning() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("cache"), "a file where the cache folder should be");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ConsoleChat.class);
        logger.addAppender(logs);
        try {
            CompletableFuture<Integer> exit = chat(TestPipeline.app(), notAFolder.resolve("console-history"));
            typed.awaitShown(PROMPT, 1);
            typed.type(QUESTION + "\r");
            typed.awaitShown("Sources:", 1);
            typed.type(CTRL_P + "\r"); // recalled from this session's history
            typed.awaitShown("Sources:", 2);
            typed.type(":quit\r");

            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("cannot keep the console history", "console-history");
        });
        assertThat(Files.readString(notAFolder)).isEqualTo("a file where the cache folder should be");
    }

    private CompletableFuture<Integer> chat(Assistant assistant, Path history) throws IOException {
        typed = new TypedTerminal();
        ConsoleChat chat = new ConsoleChat(assistant, System.in, System.out, history);
        TypedTerminal on = typed;
        return CompletableFuture.supplyAsync(() -> chat.chatOn(on.terminal), task -> new Thread(task, "console").start());
    }

    /** The bot, except that an answer stops after its first word until the test lets it go on. */
    private static final class HeldAssistant implements Assistant {

        static final String LATE = "hosted the second summit";

        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        private final Assistant bot = TestPipeline.app();
        private final io.micrometer.core.instrument.MeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

        @Override
        public Answer answer(String message, String conversation, Consumer<String> partial) {
            partial.accept("Astana ");
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            partial.accept("Astana " + LATE + " [1].");
            Answer answer = bot.answer(message);
            finished.countDown();
            return answer;
        }

        @Override
        public boolean streams() {
            return true;
        }

        @Override
        public String backendName() {
            return bot.backendName();
        }

        @Override
        public List<Article> articles() {
            return bot.articles();
        }

        @Override
        public int passages() {
            return bot.passages();
        }

        @Override
        public CacheFigures cacheFigures() {
            return bot.cacheFigures();
        }

        @Override
        public String backendFigures() {
            return bot.backendFigures();
        }

        @Override
        public String indexVersion() {
            return bot.indexVersion();
        }

        /** Meters of its own: what :stats shows in these tests is what this console counted. */
        @Override
        public io.micrometer.core.instrument.MeterRegistry meters() {
            return meters;
        }

        @Override
        public String reload() {
            return bot.reload();
        }

        @Override
        public com.ccabot.ask.AddedArticle add(java.net.URI url) {
            return bot.add(url);
        }
    }
}
