package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ccabot.TestPipeline;
import com.ccabot.config.Config.TelegramSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An outage of the Bot API with a reply pending (server errors, then connections refused): the reply waits and goes
 * out once, and the log tells the outage twice, once when it starts and once when it ends.
 */
class BotApiOutageTest {

    private static final String TOKEN = "313131313:AAHoutageTestTokenAbcdefghijk0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long the second part of the outage lasts, with connections refused. */
    private static final Duration OUTAGE_REFUSED = Duration.ofSeconds(3);

    @Test
    void aReplyWaitsOutAnOutageAndIsDeliveredOnceWithOneWarningAndOneNotice() throws Exception {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Logger reachability = (Logger) LoggerFactory.getLogger(BotApiReachability.class);
        reachability.addAppender(events);
        try (FakeBotApi api = FakeBotApi.start(TOKEN, "outage_bot", 313131313)) {
            TelegramTransport transport = TelegramTransport.start(TestPipeline.app(), new TelegramSettings(
                    URI.create(api.url()), true, Set.of(), Set.of(), 10, 3, StateDirs.fresh(), StateDirs.DRAIN,
                    StateDirs.REPLY_MAX_AGE), TOKEN);
            try {
                api.failAll("sendMessage", 502);
                api.privateMessage(6060, "Where was the second China-Central Asia Summit held?");
                api.awaitCalls("sendMessage", 1, WAIT);
                api.failAll("getUpdates", 503); // the whole Bot API is away now
                api.awaitCalls("sendMessage", 3, WAIT);
                api.refuseConnections(); // and then its host: connections refused
                Thread.sleep(OUTAGE_REFUSED.toMillis());
                api.recover("getUpdates");
                api.recover("sendMessage");
                api.acceptConnections();
                long deadline = System.nanoTime() + WAIT.toNanos();
                // the reply goes out, and polling finds the Bot API back too: then the outage is over
                while ((api.botMessagesPerChat().getOrDefault(6060L, 0L) < 1
                        || events.list.stream().noneMatch(e -> e.getLevel() == Level.INFO)) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                transport.close();
            }

            assertThat(api.botMessagesPerChat()).containsEntry(6060L, 1L).hasSize(1);
        } finally {
            reachability.detachAppender(events);
        }
        assertThat(events.list.stream().filter(e -> e.getLevel() == Level.WARN)).hasSize(1)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("does not answer").doesNotContain(TOKEN));
        assertThat(events.list.stream().filter(e -> e.getLevel() == Level.INFO)).hasSize(1)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("answers again", "1 replies were waiting"));
    }
}
