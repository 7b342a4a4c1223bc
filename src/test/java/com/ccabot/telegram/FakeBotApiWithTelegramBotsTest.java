package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The fake's JSON must parse with the library the bot uses, into the objects the bot reads. */
class FakeBotApiWithTelegramBotsTest {

    private static final String TOKEN = "123456:TEST-token";

    private final FakeBotApi telegram = FakeBotApi.start(TOKEN, "cca_test_bot", 123456);
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, telegramUrl());

    private TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", URI.create(telegram.url()).getPort(), false);
    }

    @AfterEach
    void stopServer() {
        telegram.close();
    }

    @Test
    void everyKindOfUpdateParsesIntoTheLibrarysObjects() throws Exception {
        client.execute(SendMessage.builder().chatId(42L).text("an answer").build());
        telegram.privateMessage(42, "/start");
        telegram.topicMessage(-100123, 7, 42, "😀 @cca_test_bot what is C5+C?");
        telegram.replyToBot(42, 42, telegram.lastBotMessage(42), "why?");
        telegram.channelPost(-100777, "news");
        telegram.photoWithCaption(-100123, 42, "/ask about this");
        telegram.sticker(42, 42);
        telegram.editedMessage(42, 42, "/start again");
        telegram.callbackQuery(42, "more:1");
        telegram.inlineQuery(42, "trade");
        telegram.serviceMessage(-100123, 43);

        List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(0).build());

        assertThat(updates).hasSize(10);
        Message start = updates.get(0).getMessage();
        assertThat(start.getEntities().get(0).getText()).isEqualTo("/start");
        // the library fills entity texts in getEntities(), which isCommand() relies on
        assertThat(start.isCommand()).isTrue();
        Message topic = updates.get(1).getMessage();
        assertThat(topic.getIsTopicMessage()).isTrue();
        assertThat(topic.getMessageThreadId()).isEqualTo(7);
        assertThat(topic.getChat().getIsForum()).isTrue();
        assertThat(topic.getEntities().get(0).getText()).isEqualTo("@cca_test_bot");
        assertThat(updates.get(2).getMessage().getReplyToMessage().getFrom().getIsBot()).isTrue();
        assertThat(updates.get(3).getChannelPost().getSenderChat().getId()).isEqualTo(-100777L);
        assertThat(updates.get(4).getMessage().getPhoto()).hasSize(3);
        assertThat(updates.get(4).getMessage().getCaptionEntities().get(0).getType()).isEqualTo("bot_command");
        assertThat(updates.get(5).getMessage().getSticker()).isNotNull();
        assertThat(updates.get(5).getMessage().hasText()).isFalse();
        assertThat(updates.get(6).getEditedMessage().getEditDate()).isPositive();
        assertThat(updates.get(7).getCallbackQuery().getData()).isEqualTo("more:1");
        assertThat(updates.get(8).getInlineQuery().getQuery()).isEqualTo("trade");
        assertThat(updates.get(9).getMessage().getNewChatMembers()).extracting(User::getId).containsExactly(43L);
    }

    @Test
    void sendMessageAndGetMeParseAndAreRecorded() throws Exception {
        User me = client.execute(new GetMe());
        Message sent = client.execute(SendMessage.builder().chatId(-100123L).messageThreadId(7).text("hi").build());

        assertThat(me.getUserName()).isEqualTo("cca_test_bot");
        assertThat(me.getSupportInlineQueries()).isTrue();
        assertThat(sent.getText()).isEqualTo("hi");
        assertThat(sent.getMessageThreadId()).isEqualTo(7);
        assertThat(sent.getFrom().getId()).isEqualTo(123456L);
        assertThat(telegram.awaitCalls("sendMessage", 1, Duration.ofSeconds(1)).get(0).params().get("chat_id").asText())
                .isEqualTo("-100123");
    }

    @Test
    void theLibrarysLongPollingReceivesEachUpdateOnceAndConfirmsIt() throws Exception {
        List<Update> received = new CopyOnWriteArrayList<>();
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication();
        try {
            polling.registerBot(TOKEN, this::telegramUrl, new DefaultGetUpdatesGenerator(), received::addAll);
            telegram.privateMessage(42, "first");
            telegram.groupMessage(-100123, 42, "second");

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (received.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            // the poll after the delivery is the one that confirms it
            int pollsSoFar = telegram.calls("getUpdates").size();
            telegram.awaitCalls("getUpdates", pollsSoFar + 1, Duration.ofSeconds(5));
        } finally {
            polling.close(); // explicitly: its close() may throw InterruptedException, which -Xlint flags in try-with-resources
        }

        assertThat(received).extracting(update -> update.getMessage().getText()).containsExactly("first", "second");
        int lastId = received.get(1).getUpdateId();
        assertThat(telegram.calls("getUpdates")).last()
                .satisfies(call -> assertThat(call.params().get("offset").asInt()).isEqualTo(lastId + 1));
    }

    @Test
    void floodControlReachesTheBotAsRetryAfter() {
        telegram.tooManyRequests("sendMessage", 7);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(42L).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
                });
    }
}
