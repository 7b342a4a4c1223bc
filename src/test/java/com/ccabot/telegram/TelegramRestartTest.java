package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a separate process against the fake Bot API, killed and stopped mid-burst and started again: every
 * question is answered, and answered once.
 */
class TelegramRestartTest {

    private static final String TOKEN = "555000555:AAHrestartTestTokenAbcdefghij0123456789";
    private static final int ASKERS = 120;
    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> QUESTIONS = List.of(
            "How many Chinese-invested enterprises operate in Uzbekistan?",
            "Where was the second China-Central Asia Summit held?",
            "When was the China-Central Asia Industry-Education Integration Alliance established?",
            "How many people attended the 12th China-Central Asia Cooperation Forum?");

    @TempDir
    Path state;
    @TempDir
    Path logs;

    private FakeBotApi api;
    private Process bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.destroyForcibly();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aKilledBotAnswersEveryQuestionOnceAfterItsRestart() throws Exception {
        api = FakeBotApi.start(TOKEN, "restart_bot", 555000555);
        burst();

        bot = startBot("first");
        awaitDone(5);
        // from now on no reply gets through, and the ones that did are marked done: then the kill. (A kill between
        // a reply reaching Telegram and its mark is the one duplicate left: the Bot API has no idempotency key.)
        api.failAll("sendMessage", 502);
        long delivered = awaitAllDeliveredMarkedDone();
        bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        api.recover("sendMessage");

        bot = startBot("second");
        awaitDelivered(ASKERS);
        bot.destroy(); // SIGTERM: a clean stop, so nothing more can arrive after the counts below
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("stopped within the drain timeout").isTrue();

        assertThat(delivered).as("killed mid-burst").isLessThan(ASKERS);
        assertThat(api.botMessagesPerChat().values()).as("replies per chat (%d delivered before the kill)", delivered)
                .hasSize(ASKERS).containsOnly(1L);
    }

    @Test
    void aStoppedBotLeavesItsBacklogForTheNextStart() throws Exception {
        api = FakeBotApi.start(TOKEN, "restart_bot", 555000555);
        burst();

        bot = startBot("first");
        api.awaitCalls("sendMessage", 5, START);
        bot.destroy(); // SIGTERM with most of the burst still to answer
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("stopped within the drain timeout").isTrue();
        assertThat(Files.readString(logs.resolve("first.err"))).contains("stopped");

        bot = startBot("second");
        awaitDelivered(ASKERS);
        bot.destroy();
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(api.botMessagesPerChat().values()).as("replies per chat").hasSize(ASKERS).containsOnly(1L);
        assertThat(Files.readString(logs.resolve("first.err")) + Files.readString(logs.resolve("second.err")))
                .doesNotContain(TOKEN);
    }

    private void burst() {
        for (int asker = 1; asker <= ASKERS; asker++) {
            api.privateMessage(70_000 + asker, QUESTIONS.get(asker % QUESTIONS.size()));
        }
    }

    private long delivered() {
        return api.botMessagesPerChat().values().stream().mapToLong(Long::longValue).sum();
    }

    private long doneInJournal() throws Exception {
        Path journal = state.resolve(UpdateJournal.FILE);
        return Files.exists(journal) ? Files.readAllLines(journal).stream().filter(l -> l.startsWith("{\"done\"")).count() : 0;
    }

    private void awaitDone(long count) throws Exception {
        await(() -> doneInJournal() >= count, count + " updates marked done");
    }

    private void awaitDelivered(long count) throws Exception {
        await(() -> delivered() >= count, count + " replies delivered");
    }

    /** Waits until every reply that got through is marked done in the journal; returns how many got through. */
    private long awaitAllDeliveredMarkedDone() throws Exception {
        await(() -> doneInJournal() >= delivered(), "every delivered reply marked done");
        return delivered();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits for an event by looking for it every few milliseconds, up to the start-up budget. */
    private void await(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + START + " for " + what + "; delivered " + delivered()
                        + ", done " + doneInJournal());
            }
            Thread.sleep(20);
        }
    }

    private Process startBot(String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("CCA_TELEGRAM_API_URL", api.url());
        env.put("CCA_TELEGRAM_STATE_DIR", state.toString());
        env.put("CCA_TELEGRAM_RATE_BURST", "100");
        env.put("CCA_SERVER_PORT", "0"); // no HTTP server: nothing here needs one
        env.put("CCA_KNOWLEDGE_DIR", "src/test/resources/knowledge");
        env.put("CCA_INDEX_CACHE_DIR", "target/test-cache");
        return builder.start();
    }
}
