package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeBotApiTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeBotApi telegram = FakeBotApi.start(TOKEN, "cca_test_bot", 123456);

    @AfterEach
    void stopServer() {
        telegram.close();
    }

    @Test
    void getMeDescribesTheBotAsTheBotApiDoes() throws Exception {
        HttpResponse<String> response = post(TOKEN, "getMe", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("ok").asBoolean()).isTrue();
        JsonNode bot = body.get("result");
        assertThat(bot.get("id").asLong()).isEqualTo(123456);
        assertThat(bot.get("is_bot").asBoolean()).isTrue();
        assertThat(bot.get("first_name").asText()).isEqualTo("CCA Bot");
        assertThat(bot.get("username").asText()).isEqualTo("cca_test_bot");
        assertThat(bot.get("can_join_groups").asBoolean()).isTrue();
        assertThat(bot.get("can_read_all_group_messages").asBoolean()).isFalse();
        assertThat(bot.get("supports_inline_queries").asBoolean()).isTrue();
    }

    @Test
    void getUpdatesReturnsQueuedUpdatesUntilTheOffsetConfirmsThem() throws Exception {
        telegram.privateMessage(42, "hello");
        telegram.groupMessage(-100123, 42, "hi all");
        telegram.channelPost(-100777, "news");

        JsonNode updates = result(post(TOKEN, "getUpdates", "{\"allowed_updates\":[]}"));
        assertThat(updates).hasSize(3);
        long first = updates.get(0).get("update_id").asLong();
        assertThat(updates.get(1).get("update_id").asLong()).isEqualTo(first + 1);
        assertThat(updates.get(2).get("update_id").asLong()).isEqualTo(first + 2);
        assertThat(updates.get(0).at("/message/chat/type").asText()).isEqualTo("private");
        assertThat(updates.get(0).at("/message/from/username").asText()).isEqualTo("user42");
        assertThat(updates.get(1).at("/message/chat/type").asText()).isEqualTo("supergroup");
        assertThat(updates.get(2).at("/channel_post/sender_chat/id").asLong()).isEqualTo(-100777);
        assertThat(updates.get(2).get("channel_post").has("from")).isFalse();

        String confirmFirst = "{\"offset\":" + (first + 1) + "}";
        assertThat(result(post(TOKEN, "getUpdates", confirmFirst))).hasSize(2);
        assertThat(result(post(TOKEN, "getUpdates", confirmFirst))).hasSize(2);
        assertThat(result(post(TOKEN, "getUpdates", "{\"offset\":" + (first + 1) + ",\"limit\":1}"))).hasSize(1);
        assertThat(result(post(TOKEN, "getUpdates", "{\"offset\":" + (first + 3) + "}"))).isEmpty();
        assertThat(telegram.calls("getUpdates").get(0).params().get("allowed_updates").isArray()).isTrue();
    }

    @Test
    void entityOffsetsCountUtf16CodeUnitsAfterAnEmojiOutsideTheBasicPlane() throws Exception {
        // "😀" is one code point but two UTF-16 code units, which is how Telegram counts offsets
        telegram.groupMessage(-100123, 42, "😀 /ask@cca_test_bot and @friend");
        telegram.photoWithCaption(-100123, 42, "😀 @friend");

        JsonNode updates = result(post(TOKEN, "getUpdates", "{}"));
        JsonNode entities = updates.get(0).at("/message/entities");
        assertThat(entities).hasSize(2);
        assertThat(entities.get(0)).isEqualTo(entity("bot_command", 3, 17));
        assertThat(entities.get(1)).isEqualTo(entity("mention", 25, 7));
        JsonNode photo = updates.get(1).get("message");
        assertThat(photo.get("photo")).hasSize(3);
        assertThat(photo.get("caption_entities").get(0)).isEqualTo(entity("mention", 3, 7));
        assertThat(photo.has("text")).isFalse();
    }

    @Test
    void tooManyRequestsAnswersWithRetryAfterOnceThenNormally() throws Exception {
        telegram.tooManyRequests("sendMessage", 7);

        HttpResponse<String> limited = post(TOKEN, "sendMessage", "{\"chat_id\":42,\"text\":\"hi\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body())).isEqualTo(JSON.readTree(
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                        + "\"parameters\":{\"retry_after\":7}}"));
        assertThat(post(TOKEN, "sendMessage", "{\"chat_id\":42,\"text\":\"hi\"}").statusCode()).isEqualTo(200);
        assertThat(telegram.calls("sendMessage")).hasSize(2);
    }

    @Test
    void serverErrorIsConsumedByTheNextCallOfThatMethodOnly() throws Exception {
        telegram.serverError("sendMessage", 502);

        assertThat(post(TOKEN, "getMe", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> failed = post(TOKEN, "sendMessage", "{\"chat_id\":42,\"text\":\"hi\"}");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(failed.body()).get("description").asText()).isEqualTo("Bad Gateway");
    }

    @Test
    void aWrongOrRejectedTokenIsUnauthorized() throws Exception {
        HttpResponse<String> wrong = post("999:other", "getMe", "{}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body())).isEqualTo(
                JSON.readTree("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));

        telegram.rejectToken();
        assertThat(post(TOKEN, "getMe", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownMethodIsNotFound() throws Exception {
        HttpResponse<String> response = post(TOKEN, "sendPigeon", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body())).isEqualTo(
                JSON.readTree("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
    }

    @Test
    void sendMessageEchoesTheMessageWithIdsIncreasingPerChat() throws Exception {
        FakeBotApi.Message question = telegram.topicMessage(-100123, 5, 42, "question");

        JsonNode first = result(post(TOKEN, "sendMessage",
                "{\"chat_id\":-100123,\"message_thread_id\":5,\"text\":\"answer /help\"}"));
        JsonNode second = result(post(TOKEN, "sendMessage", "{\"chat_id\":-100123,\"text\":\"more\"}"));
        JsonNode elsewhere = result(post(TOKEN, "sendMessage", "{\"chat_id\":42,\"text\":\"private\"}"));

        assertThat(first.get("message_id").asInt()).isEqualTo(question.messageId() + 1);
        assertThat(second.get("message_id").asInt()).isEqualTo(question.messageId() + 2);
        assertThat(elsewhere.get("message_id").asInt()).isEqualTo(1);
        assertThat(first.get("text").asText()).isEqualTo("answer /help");
        assertThat(first.get("message_thread_id").asInt()).isEqualTo(5);
        assertThat(first.at("/chat/is_forum").asBoolean()).isTrue();
        assertThat(first.at("/from/is_bot").asBoolean()).isTrue();
        assertThat(first.at("/from/id").asLong()).isEqualTo(123456);
        assertThat(elsewhere.at("/chat/type").asText()).isEqualTo("private");
        assertThat(telegram.awaitCalls("sendMessage", 3, Duration.ofSeconds(1)))
                .extracting(call -> call.params().get("text").asText())
                .containsExactly("answer /help", "more", "private");
    }

    @Test
    void aReplyToTheBotCarriesTheBotsMessage() throws Exception {
        post(TOKEN, "sendMessage", "{\"chat_id\":42,\"text\":\"an answer\"}");

        telegram.replyToBot(42, 42, telegram.lastBotMessage(42), "why?");

        JsonNode reply = result(post(TOKEN, "getUpdates", "{}")).get(0).get("message");
        assertThat(reply.at("/reply_to_message/from/is_bot").asBoolean()).isTrue();
        assertThat(reply.at("/reply_to_message/text").asText()).isEqualTo("an answer");
        assertThat(reply.get("text").asText()).isEqualTo("why?");
    }

    @Test
    void formEncodedAndQueryParametersAreAccepted() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(endpoint(TOKEN, "sendMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chat_id=42&text=caf%C3%A9")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(
                URI.create(telegram.url() + "/bot" + TOKEN + "/getUpdates?offset=5&allowed_updates=%5B%22message%22%5D"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(result(form).get("text").asText()).isEqualTo("café");
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(telegram.calls("getUpdates").get(0).params().get("allowed_updates").get(0).asText())
                .isEqualTo("message");
    }

    @Test
    void aLongPollWithNothingPendingReturnsAnEmptyListAfterAShortWait() throws Exception {
        long started = System.nanoTime();
        JsonNode updates = result(post(TOKEN, "getUpdates", "{\"timeout\":50}"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(updates.isArray()).isTrue();
        assertThat(updates).isEmpty();
        assertThat(waited).isBetween(Duration.ofMillis(900), Duration.ofMillis(1900));
    }

    @Test
    void aLongPollReturnsAsSoonAsAnUpdateArrives() throws Exception {
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
                HttpRequest.newBuilder(endpoint(TOKEN, "getUpdates")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"timeout\":50}")).build(),
                HttpResponse.BodyHandlers.ofString());
        telegram.awaitCalls("getUpdates", 1, Duration.ofSeconds(1));
        // a long poll must not block other methods
        assertThat(post(TOKEN, "sendChatAction", "{\"chat_id\":42,\"action\":\"typing\"}").statusCode()).isEqualTo(200);

        telegram.privateMessage(42, "/start");

        JsonNode updates = result(poll.get());
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).at("/message/entities/0")).isEqualTo(entity("bot_command", 0, 6));
    }

    @Test
    void closeAnswersAPendingLongPollAndStopsWithinASecond() throws Exception {
        FakeBotApi other = FakeBotApi.start(TOKEN, "cca_test_bot", 123456);
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
                HttpRequest.newBuilder(URI.create(other.url() + "/bot" + TOKEN + "/getUpdates?timeout=50")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        other.awaitCalls("getUpdates", 1, Duration.ofSeconds(1));

        long started = System.nanoTime();
        other.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(result(poll.get())).isEmpty();
    }

    @Test
    void awaitCallsFailsListingWhatArrived() throws Exception {
        post(TOKEN, "getMe", "{}");

        assertThatThrownBy(() -> telegram.awaitCalls("sendMessage", 1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sendMessage")
                .hasMessageContaining("getMe");
    }

    private HttpResponse<String> post(String token, String method, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint(token, method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI endpoint(String token, String method) {
        return URI.create(telegram.url() + "/bot" + token + "/" + method);
    }

    private static JsonNode result(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("ok").asBoolean()).as("ok in %s", response.body()).isTrue();
        return body.get("result");
    }

    private static JsonNode entity(String type, int offset, int length) {
        return JSON.createObjectNode().put("type", type).put("offset", offset).put("length", length);
    }
}
