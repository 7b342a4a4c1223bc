package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ccabot.TestPipeline;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.telegram.FakeBotApi.Call;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramEndToEndTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String BOT = "cca_test_bot";
    private static final long BOT_ID = 123456789;
    private static final long ADMIN = 42;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeBotApi api;
    private TelegramTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void answersEveryPrivateMessageWithCitedHtmlAfterATypingAction() {
        start(10, 3);
        api.privateMessage(1001, "How many Chinese-invested enterprises operate in Uzbekistan?");

        JsonNode sent = api.awaitCalls("sendMessage", 1, WAIT).get(0).params();
        assertThat(sent.path("chat_id").asText()).isEqualTo("1001");
        assertThat(sent.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(sent.path("text").asText()).contains("4,500", "[1]", "<b>Sources</b>", "Forum lauds");
        assertThat(api.calls("sendChatAction")).first().satisfies(c -> assertThat(c.params().path("action").asText()).isEqualTo("typing"));
        assertThat(api.calls("getUpdates")).first().satisfies(c -> assertThat(c.params().path("allowed_updates").toString())
                .contains("message", "channel_post", "inline_query", "callback_query").doesNotContain("edited_message"));
        assertThat(api.calls("setMyCommands")).hasSize(1);
    }

    @Test
    void answersInGroupsOnlyWhenAddressedAndAsAReply() {
        start(10, 3);
        long group = -100500;
        api.groupMessage(group, 2001, "Where was the second summit held?");
        api.groupMessage(group, 2001, "/ask@some_other_bot where was the second summit held?");
        api.sticker(group, 2001);
        api.serviceMessage(group, 2001);
        api.editedMessage(group, 2001, "@" + BOT + " edited question");
        FakeBotApi.Message mention = api.groupMessage(group, 2001, "@" + BOT + " where was the second summit held?");
        api.groupMessage(group, 2002, "/ask");
        FakeBotApi.Message ask = api.groupMessage(group, 2003, "/ask@" + BOT + " how many pairs of sister cities are there?");

        List<Call> sent = api.awaitCalls("sendMessage", 3, WAIT);
        assertThat(sent.get(0).params().path("text").asText()).contains("Astana");
        assertThat(sent.get(0).params().path("reply_parameters").path("message_id").asInt()).isEqualTo(mention.messageId());
        assertThat(sent.get(1).params().path("text").asText()).contains("Usage", "/ask");
        assertThat(sent.get(2).params().path("text").asText()).contains("100");
        assertThat(sent.get(2).params().path("reply_parameters").path("message_id").asInt()).isEqualTo(ask.messageId());

        FakeBotApi.Message reply = api.replyToBot(group, 2004, lastBotMessage(group), "and what is the China-Central Asia Spirit?");
        JsonNode answer = api.awaitCalls("sendMessage", 4, WAIT).get(3).params();
        assertThat(answer.path("text").asText()).containsIgnoringCase("mutual");
        assertThat(answer.path("reply_parameters").path("message_id").asInt()).isEqualTo(reply.messageId());
        pause();
        assertThat(api.calls("sendMessage")).hasSize(4);
    }

    @Test
    void aReplyToTheBotContinuesThatConversationAndAPrivateChatIsOne() {
        start(10, 10);
        long group = -100550;
        api.groupMessage(group, 13001, "@" + BOT + " when were the poverty reduction and education exchange centers inaugurated in Xinjiang?");
        api.awaitCalls("sendMessage", 1, WAIT);
        api.replyToBot(group, 13002, lastBotMessage(group), "and who unveiled them?");
        api.privateMessage(13003, "Where was the second China-Central Asia Summit held?");
        api.awaitCalls("sendMessage", 3, WAIT);
        api.privateMessage(13003, "which treaty did they sign there?");

        List<Call> sent = api.awaitCalls("sendMessage", 4, WAIT);
        assertThat(texts(sent, group).get(1)).contains("Chen Xiaojiang");
        assertThat(texts(sent, 13003).get(1)).containsIgnoringCase("good-neighborliness");
    }

    @Test
    void answersInTheForumTopicItWasAskedIn() {
        start(10, 3);
        api.topicMessage(-100600, 77, 3001, "@" + BOT + " who co-organized the 12th China-Central Asia Cooperation Forum?");

        JsonNode sent = api.awaitCalls("sendMessage", 1, WAIT).get(0).params();
        assertThat(sent.path("message_thread_id").asInt()).isEqualTo(77);
        assertThat(sent.path("text").asText()).contains("Good-Neighborliness");
    }

    @Test
    void answersChannelPostsThatAskAndCaptionsThatMentionTheBot() {
        start(10, 3);
        api.channelPost(-100700, "Today's news digest, nothing for the bot.");
        FakeBotApi.Message post = api.channelPost(-100700, "/ask When were the poverty reduction and education exchange centers inaugurated in Xinjiang?");
        api.photoWithCaption(-100800, 4001, "@" + BOT + " how many training opportunities did China pledge?");

        List<Call> sent = api.awaitCalls("sendMessage", 2, WAIT);
        JsonNode channel = sent.stream().filter(c -> c.params().path("chat_id").asText().equals("-100700")).findFirst().orElseThrow().params();
        assertThat(channel.path("text").asText()).contains("July 21");
        assertThat(channel.path("reply_parameters").path("message_id").asInt()).isEqualTo(post.messageId());
        assertThat(sent).anySatisfy(c -> assertThat(c.params().path("text").asText()).contains("3,000"));
    }

    @Test
    void offersACitedAnswerInlineAndAHintForEmptyOrOffTopicQueries() {
        start(10, 3);
        api.inlineQuery(5001, "how many chinese-invested enterprises operate in uzbekistan");
        api.inlineQuery(5002, "");
        api.inlineQuery(5003, "what is the capital of brazil");

        List<Call> answers = api.awaitCalls("answerInlineQuery", 3, WAIT);
        JsonNode answer = answers.stream().filter(c -> c.params().toString().contains("4,500")).findFirst().orElseThrow().params();
        assertThat(answer.path("cache_time").asInt()).isBetween(1, 60);
        JsonNode content = answer.path("results").get(0).path("input_message_content");
        assertThat(content.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(content.path("message_text").asText()).contains("<b>Sources</b>");
        assertThat(answers).allSatisfy(c -> assertThat(c.params().path("results")).hasSize(1));
        assertThat(answers).anySatisfy(c -> assertThat(c.params().toString()).contains("Type a question after @" + BOT));
    }

    @Test
    void answersButtonPressesItDoesNotKnowSoClientsStopWaiting() {
        start(10, 3);
        api.callbackQuery(6001, "stale-button-data");

        assertThat(api.awaitCalls("answerCallbackQuery", 1, WAIT)).hasSize(1);
    }

    @Test
    void commandsGreetListSourcesAndKeepAdminCommandsForAdmins() {
        start(10, 10);
        api.privateMessage(7001, "/start");
        api.privateMessage(7001, "/sources");
        api.privateMessage(7001, "/about");
        api.privateMessage(7001, "/stats");
        api.privateMessage(ADMIN, "/stats");
        api.privateMessage(ADMIN, "/reload");

        List<Call> sent = api.awaitCalls("sendMessage", 6, Duration.ofSeconds(30));
        List<String> user = texts(sent, 7001);
        assertThat(user.get(0)).contains("Hello", "5 news articles", "/ask", "for example");
        assertThat(user.get(0).split("What about ", -1)).hasSize(4); // three example questions
        assertThat(user.get(1)).contains("I answer from 5 articles", "Xinhua");
        assertThat(user.get(2)).contains("extractive", "5</b> articles");
        assertThat(user.get(3)).contains("admins only");
        List<String> admin = texts(sent, ADMIN);
        assertThat(admin.get(0)).contains("questions:", "cache:", "p50");
        assertThat(admin.get(1)).contains("Reloaded (0 added, 0 changed, 0 removed): 5 articles");
    }

    @Test
    void everyReplyIsValidTelegramHtmlWithinTheLengthLimit() {
        start(10, 10);
        api.privateMessage(8001, "<b>Where</b> was the *second* summit held? & what about <script>alert(1)</script>");
        api.privateMessage(8001, "x".repeat(5000));
        api.privateMessage(8001, "/sources");

        for (Call call : api.awaitCalls("sendMessage", 3, WAIT)) {
            String text = call.params().path("text").asText();
            assertThat(text.length()).isLessThanOrEqualTo(4096);
            assertBalancedTelegramHtml(text);
        }
    }

    @Test
    void answersOnlyInAllowedChatsWhenAnAllowListIsSet() {
        api = FakeBotApi.start(TOKEN, BOT, BOT_ID);
        transport = TelegramTransport.start(TestPipeline.app(),
                new TelegramSettings(URI.create(api.url()), true, Set.of(-100900L), Set.of(), 10, 3, StateDirs.fresh(), StateDirs.DRAIN, StateDirs.REPLY_MAX_AGE), TOKEN);
        api.groupMessage(-100901, 12001, "@" + BOT + " where was the second summit held?");
        api.privateMessage(12002, "Where was the second summit held?");
        api.groupMessage(-100900, 12003, "@" + BOT + " where was the second summit held?");

        List<Call> sent = api.awaitCalls("sendMessage", 1, WAIT);
        pause();
        assertThat(api.calls("sendMessage")).hasSize(1);
        assertThat(sent.get(0).params().path("chat_id").asText()).isEqualTo("-100900");
    }

    @Test
    void waitsOutA429AndDeliversTheReplyExactlyOnce() {
        start(10, 3);
        api.tooManyRequests("sendMessage", 1);
        api.privateMessage(9001, "How many pairs of sister cities are there between China and Central Asian countries?");

        List<Call> calls = api.awaitCalls("sendMessage", 2, WAIT);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        pause();
        assertThat(api.calls("sendMessage")).hasSize(2); // the refused one and the delivered one
        assertThat(calls.get(1).params().path("text").asText()).contains("100");
    }

    @Test
    void whenTwoChatsGet429sEverySendWaits() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SendQueue.class);
        logger.addAppender(events);
        try {
            twoChatsFlooded(events);
        } finally {
            logger.detachAppender(events);
        }
    }

    private void twoChatsFlooded(ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events) {
        start(10, 3);
        api.tooManyRequests("sendMessage", 2);
        api.tooManyRequests("sendMessage", 2);
        api.privateMessage(9101, "How many pairs of sister cities are there between China and Central Asian countries?");
        api.privateMessage(9102, "Where was the second China-Central Asia Summit held?");
        List<Call> flooded = api.awaitCalls("sendMessage", 2, WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (events.list.stream().noneMatch(e -> e.getFormattedMessage().contains("limits the whole bot"))) {
            assertThat(System.nanoTime()).as("the bot has read both 429s").isLessThan(deadline);
            pause(20);
        }
        api.privateMessage(9103, "How many Chinese-invested enterprises operate in Uzbekistan?");

        List<Call> calls = api.awaitCalls("sendMessage", 5, WAIT);
        Call third = calls.stream().filter(c -> c.params().path("chat_id").asText().equals("9103")).findFirst().orElseThrow();
        assertThat(Duration.between(flooded.get(1).at(), third.at())).as("a third chat waits too")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void keepsTelegramsLimitsInEveryWindowMeasuredFromTheCallLog() {
        start(10, 3);
        String[] questions = {
            "How many Chinese-invested enterprises operate in Uzbekistan?",
            "Where was the second China-Central Asia Summit held?",
        };
        for (int user = 0; user < 50; user++) {
            for (String question : questions) {
                api.privateMessage(11_000 + user, question);
            }
        }
        long[] groups = {-100801, -100802};
        for (long group : groups) {
            for (int i = 0; i < 12; i++) {
                api.groupMessage(group, 12_000 + i, "/ask@" + BOT + " " + questions[i % 2]);
            }
        }

        List<Call> sent = api.awaitCalls("sendMessage", 100 + 24, Duration.ofSeconds(60));
        List<Instant> all = sent.stream().map(Call::at).sorted().toList();
        assertThat(mostInAnyWindow(all, Duration.ofSeconds(1))).as("sends in any second").isLessThanOrEqualTo(30);
        for (long group : groups) {
            List<Instant> inGroup = sent.stream().filter(c -> c.params().path("chat_id").asLong() == group).map(Call::at).sorted().toList();
            assertThat(inGroup).hasSize(12);
            assertThat(mostInAnyWindow(inGroup, Duration.ofSeconds(60))).as("sends to a group in any minute").isLessThanOrEqualTo(20);
        }
        for (int user = 0; user < 50; user++) {
            long chat = 11_000 + user;
            List<Instant> inChat = sent.stream().filter(c -> c.params().path("chat_id").asLong() == chat).map(Call::at).sorted().toList();
            assertThat(inChat).hasSize(2);
            assertThat(Duration.between(inChat.get(0), inChat.get(1))).as("two messages to one private chat")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    /** The most instants of a sorted list that fall within any window of the given length. */
    private static int mostInAnyWindow(List<Instant> instants, Duration window) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < instants.size(); last++) {
            while (Duration.between(instants.get(first), instants.get(last)).compareTo(window) >= 0) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    @Test
    void aReplyWhoseResponseIsLostIsSentOnceMoreAndNoMore() {
        // the Bot API has no idempotency key: a reply Telegram delivered but whose answer was lost cannot be told
        // from one that was not delivered, so it is sent again; this is the one duplicate the bot allows
        start(10, 3);
        api.loseNextResponse("sendMessage");
        api.privateMessage(9301, "Where was the second China-Central Asia Summit held?");

        api.awaitCalls("sendMessage", 2, WAIT);
        transport.close();
        transport = null;

        assertThat(api.botMessagesPerChat()).containsEntry(9301L, 2L);
        assertThat(api.calls("sendMessage")).hasSize(2);
    }

    @Test
    void retriesAServerErrorOnSendingAndDeliversTheReplyOnce() {
        start(10, 3);
        api.serverError("sendMessage", 502);
        api.serverError("sendMessage", 500);
        api.privateMessage(9051, "How many pairs of sister cities are there between China and Central Asian countries?");

        List<Call> calls = api.awaitCalls("sendMessage", 3, WAIT);
        pause();
        assertThat(api.calls("sendMessage")).hasSize(3);
        assertThat(calls.get(2).params().path("text").asText()).contains("100");
    }

    @Test
    void resendsAsPlainTextWhenTelegramCannotParseTheHtml() {
        start(10, 3);
        api.respondNext("sendMessage", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: Unexpected end tag at byte offset 12\"}");
        api.privateMessage(9101, "How much did Uzbekistan's poverty rate decline?");

        List<Call> calls = api.awaitCalls("sendMessage", 2, WAIT);
        assertThat(calls.get(1).params().has("parse_mode")).isFalse();
        assertThat(calls.get(1).params().path("text").asText()).contains("8.9 percent", "Sources").doesNotContain("<b>");
    }

    @Test
    void keepsPollingThroughBadGatewaysWithoutLosingOrRepeatingUpdates() {
        api = FakeBotApi.start(TOKEN, BOT, BOT_ID);
        api.serverError("getUpdates", 502);
        api.serverError("getUpdates", 502);
        api.privateMessage(9201, "Who unveiled the two cooperation centers in Xinjiang?");
        transport = TelegramTransport.start(TestPipeline.app(), settings(10, 3), TOKEN);

        assertThat(api.awaitCalls("sendMessage", 1, WAIT).get(0).params().path("text").asText()).contains("Xinjiang");
        pause();
        assertThat(api.calls("sendMessage")).hasSize(1);
    }

    @Test
    void stopsWithAClearMessageWhenTelegramRejectsTheToken() {
        api = FakeBotApi.start(TOKEN, BOT, BOT_ID);
        api.rejectToken();

        assertThatThrownBy(() -> TelegramTransport.start(TestPipeline.app(), settings(10, 3), TOKEN))
                .hasMessageContaining("rejected the bot token")
                .hasMessageNotContaining(TOKEN.substring(10));
    }

    @Test
    void answersABurstFromManyUsersRateLimitingPolitelyAndKeepingEachChatInOrder() {
        start(1, 3); // one more question a minute: no refill during the test, so every count below is exact
        String[] questions = {
            "How many Chinese-invested enterprises operate in Uzbekistan?",
            "How many pairs of sister cities are there between China and Central Asian countries?",
            "How much did Uzbekistan's poverty rate decline?",
            "Where was the second China-Central Asia Summit held?",
            "Who unveiled the two cooperation centers in Xinjiang?",
            "What is the 1231 project of the alliance?"};
        String[] expected = {"4,500", "sister cities", "8.9 percent"};
        for (int round = 0; round < questions.length; round++) {
            for (long user = 10_001; user <= 10_050; user++) {
                api.privateMessage(user, questions[round]);
            }
        }

        // each user: three answers (the burst), one notice, then silence until the rate allows more
        List<Call> sent = api.awaitCalls("sendMessage", 200, Duration.ofSeconds(60));
        pause();
        assertThat(api.calls("sendMessage")).hasSize(200);
        for (long user = 10_001; user <= 10_050; user++) {
            List<String> replies = texts(sent, user);
            assertThat(replies).as("user " + user).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(replies.get(i)).as("user %d reply %d", user, i).contains(expected[i]);
            }
            assertThat(replies.get(3)).contains("faster than I can keep up");
        }
    }

    @Test
    void stopsCleanlyWithinSecondsWithAnswersInFlightFinished() {
        start(10, 10);
        for (long user = 11_001; user <= 11_005; user++) {
            api.privateMessage(user, "Where was the second China-Central Asia Summit held?");
        }
        api.awaitCalls("sendChatAction", 1, WAIT);

        long begin = System.nanoTime();
        transport.close();
        transport = null;
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(8));
        int polls = api.calls("getUpdates").size();
        pause();
        assertThat(api.calls("getUpdates")).hasSize(polls);
    }

    private void start(int perMinute, int burst) {
        api = FakeBotApi.start(TOKEN, BOT, BOT_ID);
        transport = TelegramTransport.start(TestPipeline.app(), settings(perMinute, burst), TOKEN);
    }

    private TelegramSettings settings(int perMinute, int burst) {
        return new TelegramSettings(URI.create(api.url()), true, Set.of(), Set.of(ADMIN), perMinute, burst, StateDirs.fresh(), StateDirs.DRAIN, StateDirs.REPLY_MAX_AGE);
    }

    /** The bot's last message in a chat, once the fake has stored it (it records the call first). */
    private FakeBotApi.Message lastBotMessage(long chatId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                return api.lastBotMessage(chatId);
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                pause(50);
            }
        }
    }

    private static List<String> texts(List<Call> calls, long chatId) {
        return calls.stream().filter(c -> c.params().path("chat_id").asText().equals(Long.toString(chatId)))
                .map(c -> c.params().path("text").asText()).toList();
    }

    /** Long enough for a wrongly repeated or unwanted reply to arrive. */
    private static void pause() {
        pause(1500);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)[^>]*>");
    private static final Set<String> ALLOWED_TAGS = Set.of("b", "i", "u", "s", "a", "code", "pre", "blockquote");

    /** Only Telegram's tags, properly nested, and no bare '<' or '&' outside tags and entities. */
    private static void assertBalancedTelegramHtml(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        int last = 0;
        while (tag.find()) {
            assertPlain(html.substring(last, tag.start()));
            assertThat(ALLOWED_TAGS).as(tag.group()).contains(tag.group(2));
            if (tag.group(1).isEmpty()) {
                open.push(tag.group(2));
            } else {
                assertThat(open.pop()).isEqualTo(tag.group(2));
            }
            last = tag.end();
        }
        assertPlain(html.substring(last));
        assertThat(open).isEmpty();
    }

    private static void assertPlain(String text) {
        assertThat(text).doesNotContain("<", ">");
        assertThat(text.replaceAll("&(amp|lt|gt|quot);", "")).doesNotContain("&");
    }
}
