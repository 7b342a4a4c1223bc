package com.ccabot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Telegram Bot API server on 127.0.0.1 that queues updates for {@code getUpdates},
 * records every call the bot makes and answers the way https://core.telegram.org/bots/api does.
 *
 * <pre>{@code
 * try (FakeBotApi telegram = FakeBotApi.start("123:TEST", "cca_test_bot", 123)) {
 *   // point the bot at telegram.url() + "/bot", then:
 *   telegram.privateMessage(42, "/ask What is the C5+C summit?");
 *   Call reply = telegram.awaitCalls("sendMessage", 1, Duration.ofSeconds(5)).get(0);
 *   assertThat(reply.params().path("chat_id").asLong()).isEqualTo(42);
 * }
 * }</pre>
 */
public final class FakeBotApi implements AutoCloseable {

    /** A message the fake created (queued for the bot or sent by it); text is the text or caption, null if none. */
    public record Message(long chatId, int messageId, Integer threadId, String text) {}

    /** One request the bot made: the method as documented, its parameters, when it arrived. */
    public record Call(String method, JsonNode params, Instant at) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG_POLL_CAP = Duration.ofSeconds(1);
    private static final Duration CLOSE_GRACE = Duration.ofMillis(400);
    private static final int MAX_MESSAGE_LENGTH = 4096;
    /** The update types Telegram sends when allowed_updates is empty or was never set. */
    private static final Set<String> DEFAULT_ALLOWED = Set.of("message", "edited_message",
            "channel_post", "edited_channel_post", "inline_query", "chosen_inline_result",
            "callback_query", "shipping_query", "pre_checkout_query", "poll", "poll_answer",
            "my_chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
            "business_connection", "business_message", "edited_business_message",
            "deleted_business_messages", "purchased_paid_media");
    private static final Map<String, String> METHODS_BY_LOWER_CASE = methodsByLowerCase(
            "getMe", "getUpdates", "deleteWebhook", "setWebhook", "getWebhookInfo", "setMyCommands",
            "deleteMyCommands", "sendChatAction", "answerInlineQuery", "answerCallbackQuery",
            "sendMessage", "editMessageText", "sendMessageDraft", "deleteMessage");

    private final String token;
    private final String botUsername;
    private final long botId;
    private volatile HttpServer server;
    private InetSocketAddress refusing;
    private final Map<String, Integer> losingResponses = new HashMap<>();
    private final ExecutorService executor;

    /** Guards every field below; waiters (long polls, awaitCalls) wait on it. */
    private final Object lock = new Object();
    private final List<Call> calls = new ArrayList<>();
    /** The webhook set by setWebhook, or empty: while one is set, getUpdates answers 409 as Telegram does. */
    private String webhookUrl = "";
    private final List<ObjectNode> pendingUpdates = new ArrayList<>();
    private final Map<Long, Integer> lastMessageIdByChat = new HashMap<>();
    private final Map<String, ObjectNode> messagesByChatAndId = new HashMap<>();
    private final Map<String, Integer> lastMessageIdByChatAndUser = new HashMap<>();
    private final Map<Long, ObjectNode> chats = new HashMap<>();
    private final Map<String, Deque<CannedResponse>> cannedResponses = new HashMap<>();
    private final Map<String, Integer> failing = new HashMap<>();
    private Set<String> allowedUpdates = DEFAULT_ALLOWED;
    private long nextUpdateId = 1;
    private long nextQueryId = 1;
    private boolean tokenRejected;
    private boolean closed;
    private int exchangesInFlight;
    private int pollsInFlight;
    private int pollConflicts;

    private record CannedResponse(int status, String body) {}

    private record Reply(int status, String body) {}

    private FakeBotApi(String token, String botUsername, long botId) throws IOException {
        this.token = token;
        this.botUsername = botUsername;
        this.botId = botId;
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "fake-bot-api-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = listen(new InetSocketAddress(loopback, 0));
    }

    private HttpServer listen(InetSocketAddress address) throws IOException {
        HttpServer listening = HttpServer.create(address, 0);
        listening.setExecutor(executor);
        listening.createContext("/", this::handle);
        listening.start();
        return listening;
    }

    /** The next call of the method is carried out, but its response is lost on the way back. */
    public void loseNextResponse(String method) {
        synchronized (lock) {
            losingResponses.merge(method, 1, Integer::sum);
        }
    }

    private boolean loseResponse(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        synchronized (lock) {
            Integer left = METHODS_BY_LOWER_CASE.containsKey(method.toLowerCase(Locale.ROOT))
                    ? losingResponses.get(METHODS_BY_LOWER_CASE.get(method.toLowerCase(Locale.ROOT))) : null;
            if (left == null || left == 0) {
                return false;
            }
            losingResponses.put(METHODS_BY_LOWER_CASE.get(method.toLowerCase(Locale.ROOT)), left - 1);
            return true;
        }
    }

    /** Stops listening, so that connections are refused, as when the Bot API's host is down. */
    public void refuseConnections() {
        synchronized (lock) {
            refusing = server.getAddress();
        }
        server.stop(0);
    }

    /** Listens again, on the same port, after {@link #refuseConnections}. */
    public void acceptConnections() {
        try {
            server = listen(refusing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen again on " + refusing, e);
        }
    }

    /** Starts a fake Bot API for the bot with this token, username and id on a free port of 127.0.0.1. */
    public static FakeBotApi start(String token, String botUsername, long botId) {
        requireArgument(token != null && !token.isBlank() && !token.contains("/"),
                "token must be non-blank and contain no '/', got: " + token);
        requireArgument(botUsername != null && botUsername.matches("\\w{1,32}"),
                "bot username must be 1-32 letters, digits or underscores, got: " + botUsername);
        requireArgument(botId > 0, "bot id must be positive, got: " + botId);
        try {
            return new FakeBotApi(token, botUsername, botId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Bot API on 127.0.0.1", e);
        }
    }

    /** The base address, e.g. {@code http://127.0.0.1:51234}; requests go to {@code url() + "/bot" + token + "/getMe"}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops the server within a second; pending long polls are first answered with no updates, as at their timeout. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            while (exchangesInFlight > 0) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    break;
                }
                waitOnLock(remainingMillis);
            }
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- updates the bot receives

    /** Queues a text message from the user in the private chat with the bot (chat id == user id). */
    public Message privateMessage(long userId, String text) {
        requireArgument(userId > 0, "a user id must be positive, got: " + userId);
        synchronized (lock) {
            ObjectNode message = newMessage(chat(userId), user(userId), null);
            putText(message, "text", "entities", text);
            return enqueueMessage("message", message, userId);
        }
    }

    /** Queues a text message from the user in a supergroup (chat id negative, e.g. -100123). */
    public Message groupMessage(long chatId, long userId, String text) {
        requireGroup(chatId);
        synchronized (lock) {
            ObjectNode message = newMessage(chat(chatId), user(userId), null);
            putText(message, "text", "entities", text);
            return enqueueMessage("message", message, userId);
        }
    }

    /** Queues a text message in a forum topic of a supergroup (is_forum, is_topic_message, message_thread_id). */
    public Message topicMessage(long chatId, int threadId, long userId, String text) {
        requireGroup(chatId);
        requireArgument(threadId > 0, "a topic's thread id must be positive, got: " + threadId);
        synchronized (lock) {
            ObjectNode chat = chat(chatId).put("is_forum", true);
            ObjectNode message = newMessage(chat, user(userId), threadId);
            // Like Telegram: a topic message not replying to anything replies to the topic's creation.
            ObjectNode topicCreated = JSON.createObjectNode()
                    .put("message_id", threadId)
                    .put("date", now());
            topicCreated.set("from", user(userId));
            topicCreated.set("chat", chat.deepCopy());
            topicCreated.put("message_thread_id", threadId);
            topicCreated.putObject("forum_topic_created")
                    .put("name", "Topic " + threadId)
                    .put("icon_color", 7322096);
            message.set("reply_to_message", topicCreated);
            putText(message, "text", "entities", text);
            return enqueueMessage("message", message, userId);
        }
    }

    /** Queues the user's reply to a message the bot sent (reply_to_message is the bot's message). */
    public Message replyToBot(long chatId, long userId, Message botMessage, String text) {
        requireArgument(botMessage != null && botMessage.chatId() == chatId,
                "the bot's message must be in chat " + chatId + ", got: " + botMessage);
        synchronized (lock) {
            ObjectNode original = messagesByChatAndId.get(key(chatId, botMessage.messageId()));
            if (original == null) {
                original = newBotMessage(chat(chatId), botMessage.messageId(), botMessage.threadId(),
                        botMessage.text());
            }
            ObjectNode message = newMessage(chat(chatId), user(userId), botMessage.threadId());
            message.set("reply_to_message", original.deepCopy());
            putText(message, "text", "entities", text);
            return enqueueMessage("message", message, userId);
        }
    }

    /** Queues a post in a channel: update field channel_post, no "from", sender_chat is the channel. */
    public Message channelPost(long channelId, String text) {
        requireArgument(channelId < 0, "a channel id must be negative, e.g. -100123, got: " + channelId);
        synchronized (lock) {
            ObjectNode chat = chats.computeIfAbsent(channelId, id -> JSON.createObjectNode()
                    .put("id", id).put("type", "channel").put("title", "Channel " + id));
            ObjectNode message = newMessage(chat, null, null);
            message.set("sender_chat", chat.deepCopy());
            putText(message, "text", "entities", text);
            return enqueueMessage("channel_post", message, 0);
        }
    }

    /** Queues a photo with a caption (photo sizes, caption, caption_entities). */
    public Message photoWithCaption(long chatId, long userId, String caption) {
        synchronized (lock) {
            ObjectNode message = newMessage(chat(chatId), user(userId), null);
            ArrayNode photo = message.putArray("photo");
            int[][] sizes = {{90, 67, 1_204}, {320, 240, 15_873}, {800, 600, 68_412}};
            for (int[] size : sizes) {
                photo.addObject()
                        .put("file_id", "AgACAgIAAxkBAAI" + message.get("message_id").asInt() + "x" + size[0])
                        .put("file_unique_id", "AQAD" + size[0] + "x" + size[1])
                        .put("file_size", size[2])
                        .put("width", size[0])
                        .put("height", size[1]);
            }
            putText(message, "caption", "caption_entities", caption);
            return enqueueMessage("message", message, userId);
        }
    }

    /** Queues a sticker message, which has no text. */
    public Message sticker(long chatId, long userId) {
        synchronized (lock) {
            ObjectNode message = newMessage(chat(chatId), user(userId), null);
            message.putObject("sticker")
                    .put("file_id", "CAACAgIAAxkBAAI" + message.get("message_id").asInt())
                    .put("file_unique_id", "AgADsticker")
                    .put("type", "regular")
                    .put("width", 512)
                    .put("height", 512)
                    .put("is_animated", false)
                    .put("is_video", false)
                    .put("emoji", "\uD83D\uDC4D")
                    .put("set_name", "FakeStickers")
                    .put("file_size", 21_334);
            return enqueueMessage("message", message, userId);
        }
    }

    /** Queues an edited_message update: the user's latest message in the chat, now with this text and an edit_date. */
    public void editedMessage(long chatId, long userId, String text) {
        synchronized (lock) {
            Integer lastId = lastMessageIdByChatAndUser.get(key(chatId, userId));
            ObjectNode message = lastId == null
                    ? newMessage(chat(chatId), user(userId), null)
                    : messagesByChatAndId.get(key(chatId, lastId)).deepCopy();
            message.remove(List.of("text", "entities"));
            message.put("edit_date", now());
            putText(message, "text", "entities", text);
            enqueueMessage("edited_message", message, userId);
        }
    }

    /** Queues a press of an inline button with this callback data, on the bot's latest message to the user. */
    public void callbackQuery(long userId, String data) {
        synchronized (lock) {
            Integer lastId = lastMessageIdByChat.get(userId);
            ObjectNode message = lastId == null ? null : messagesByChatAndId.get(key(userId, lastId));
            if (message == null || !message.path("from").path("is_bot").asBoolean()) {
                message = newBotMessage(chat(userId), nextMessageId(userId), null, "Choose an option");
            }
            ObjectNode query = JSON.createObjectNode().put("id", String.valueOf(4_000_000_000L + nextQueryId++));
            query.set("from", user(userId));
            query.set("message", message.deepCopy());
            query.put("chat_instance", String.valueOf(-7_000_000_000L - userId));
            query.put("data", data);
            enqueue("callback_query", query);
        }
    }

    /** Queues an inline query ({@code @bot query}) from the user. */
    public void inlineQuery(long userId, String query) {
        synchronized (lock) {
            ObjectNode inline = JSON.createObjectNode().put("id", String.valueOf(5_000_000_000L + nextQueryId++));
            inline.set("from", user(userId));
            inline.put("chat_type", "sender");
            inline.put("query", query);
            inline.put("offset", "");
            enqueue("inline_query", inline);
        }
    }

    /** Queues a service message without text: the user joined the chat (new_chat_members). */
    public void serviceMessage(long chatId, long userId) {
        synchronized (lock) {
            ObjectNode message = newMessage(chat(chatId), user(userId), null);
            message.putArray("new_chat_members").add(user(userId));
            enqueueMessage("message", message, userId);
        }
    }

    // ---------------------------------------------------------------- what the bot sent

    /** Every request in arrival order, including those answered with an error. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The requests of one method, e.g. {@code calls("sendMessage")}, in arrival order. */
    public List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(call -> call.method().equals(method)).toList();
        }
    }

    /** The bot's latest sent message in the chat, to pass to {@link #replyToBot}; fails if it sent none. */
    public Message lastBotMessage(long chatId) {
        synchronized (lock) {
            return messagesByChatAndId.values().stream()
                    .filter(m -> m.path("chat").path("id").asLong() == chatId)
                    .filter(m -> m.path("from").path("is_bot").asBoolean())
                    .max(Comparator.comparingInt(m -> m.get("message_id").asInt()))
                    .map(FakeBotApi::toMessage)
                    .orElseThrow(() -> new AssertionError("the bot sent no message to chat " + chatId
                            + "; calls: " + describe(calls)));
        }
    }

    /** Waits until at least {@code count} calls of the method arrived and returns them all; else fails listing what arrived. */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> matching = calls.stream().filter(call -> call.method().equals(method)).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw new AssertionError("expected at least " + count + " " + method + " call(s) within "
                            + timeout + " but got " + matching.size() + "; all calls: " + describe(calls));
                }
                waitOnLock(remainingMillis);
            }
        }
    }

    // ---------------------------------------------------------------- faults

    /** Queues a canned HTTP answer for the next call of the method (FIFO); the call is still recorded. */
    public void respondNext(String method, int httpStatus, String jsonBody) {
        requireArgument(httpStatus >= 100 && httpStatus <= 599, "HTTP status must be 100-599, got: " + httpStatus);
        synchronized (lock) {
            cannedResponses.computeIfAbsent(method, m -> new ArrayDeque<>())
                    .add(new CannedResponse(httpStatus, jsonBody));
        }
    }

    /** Queues Telegram's flood-control answer (429 with parameters.retry_after) for the next call of the method. */
    public void tooManyRequests(String method, int retryAfterSeconds) {
        requireArgument(retryAfterSeconds > 0, "retry_after must be positive, got: " + retryAfterSeconds);
        ObjectNode body = error(429, "Too Many Requests: retry after " + retryAfterSeconds);
        body.putObject("parameters").put("retry_after", retryAfterSeconds);
        respondNext(method, 429, body.toString());
    }

    /** Queues a 5xx answer, e.g. 502 Bad Gateway, for the next call of the method. */
    public void serverError(String method, int status) {
        requireArgument(status >= 500 && status <= 599, "a server error status must be 500-599, got: " + status);
        respondNext(method, status, error(status, reasonPhrase(status)).toString());
    }

    /** From now on every call of the method is answered with this 5xx status, until {@link #recover}. */
    public void failAll(String method, int status) {
        requireArgument(status >= 500 && status <= 599, "a server error status must be 500-599, got: " + status);
        synchronized (lock) {
            failing.put(method, status);
        }
    }

    /** Ends {@link #failAll} and drops the canned answers queued for the method. */
    public void recover(String method) {
        synchronized (lock) {
            failing.remove(method);
            cannedResponses.remove(method);
        }
    }

    /** How many messages the bot has sent (successfully) to each chat. */
    public Map<Long, Long> botMessagesPerChat() {
        synchronized (lock) {
            Map<Long, Long> counts = new java.util.TreeMap<>();
            messagesByChatAndId.values().stream().filter(m -> m.path("from").path("is_bot").asBoolean())
                    .forEach(m -> counts.merge(m.path("chat").path("id").asLong(), 1L, Long::sum));
            return counts;
        }
    }

    /** From now on every call is answered 401 Unauthorized, as after the token was revoked. */
    public void rejectToken() {
        synchronized (lock) {
            tokenRejected = true;
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (lock) {
            exchangesInFlight++;
        }
        try {
            Reply reply;
            try {
                reply = answer(exchange);
            } catch (RuntimeException e) {
                // a bug in the fake must show up in the test, not as a silent hang
                e.printStackTrace();
                reply = new Reply(500, error(500, "Internal Server Error: fake Bot API failed: " + e).toString());
            }
            if (loseResponse(exchange)) {
                // the call was carried out (a message sent is delivered), but its answer never reaches the bot:
                // the connection drops without one
                return;
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
            synchronized (lock) {
                exchangesInFlight--;
                lock.notifyAll();
            }
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher matcher = Pattern.compile("^/bot([^/]*)/([^/]+)$").matcher(path);
        if (!matcher.matches()) {
            return failure(404, "Not Found");
        }
        String requestToken = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        String method = METHODS_BY_LOWER_CASE.getOrDefault(matcher.group(2).toLowerCase(Locale.ROOT), matcher.group(2));
        ObjectNode params;
        try {
            params = readParams(exchange);
        } catch (JsonProcessingException e) {
            record(method, JSON.createObjectNode());
            return failure(400, "Bad Request: can't parse JSON object: " + e.getOriginalMessage());
        }
        synchronized (lock) {
            record(method, params);
            if (tokenRejected || !requestToken.equals(token)) {
                return failure(401, "Unauthorized");
            }
            Integer failure = failing.get(method);
            if (failure != null) {
                return failure(failure, reasonPhrase(failure));
            }
            Deque<CannedResponse> canned = cannedResponses.get(method);
            if (canned != null && !canned.isEmpty()) {
                CannedResponse response = canned.poll();
                return new Reply(response.status(), response.body());
            }
        }
        return switch (method) {
            case "getMe" -> success(botUser().put("can_join_groups", true)
                    .put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", true));
            case "getUpdates" -> webhook().isEmpty() ? getUpdates(params) : failure(409,
                    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            case "setWebhook" -> setWebhook(params);
            case "deleteWebhook" -> {
                setWebhookUrl("");
                yield success(JSON.getNodeFactory().booleanNode(true));
            }
            case "getWebhookInfo" -> success(JSON.createObjectNode().put("url", webhook())
                    .put("has_custom_certificate", false).put("pending_update_count", pendingCount()));
            case "setMyCommands", "deleteMyCommands", "sendChatAction", "answerInlineQuery",
                    "answerCallbackQuery", "sendMessageDraft", "deleteMessage" -> success(JSON.getNodeFactory().booleanNode(true));
            case "sendMessage" -> sendMessage(params);
            case "editMessageText" -> editMessageText(params);
            default -> failure(404, "Not Found");
        };
    }

    private void record(String method, ObjectNode params) {
        synchronized (lock) {
            calls.add(new Call(method, params, Instant.now()));
            lock.notifyAll();
        }
    }

    private static ObjectNode readParams(HttpExchange exchange) throws IOException {
        ObjectNode params = JSON.createObjectNode();
        putForm(params, exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/json") && !body.isBlank()) {
            JsonNode json = JSON.readTree(body);
            if (!json.isObject()) {
                throw new JsonProcessingException("the body is not a JSON object") {};
            }
            params.setAll((ObjectNode) json);
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            putForm(params, body);
        } else if (contentType.startsWith("multipart/form-data")) {
            putMultipart(params, body, exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        return params;
    }

    /** Text fields of a multipart/form-data body (how setWebhook and uploads are sent); JSON values parsed. */
    private static void putMultipart(ObjectNode params, String body, String contentType) {
        java.util.regex.Matcher boundary = java.util.regex.Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!boundary.find()) {
            return;
        }
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary.group(1)))) {
            int blank = part.indexOf("\r\n\r\n");
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            if (blank < 0 || !name.find() || name.start() > blank) {
                continue;
            }
            String value = part.substring(blank + 4);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
            params.set(name.group(1), parseIfJsonStructure(value));
        }
    }

    /** Form values arrive as strings; JSON-serialized objects and arrays (reply_markup, allowed_updates) are parsed. */
    private static void putForm(ObjectNode params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.set(name, parseIfJsonStructure(value));
        }
    }

    private static JsonNode parseIfJsonStructure(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException notJson) {
                return JSON.getNodeFactory().textNode(value);
            }
        }
        return JSON.getNodeFactory().textNode(value);
    }

    // ---------------------------------------------------------------- methods

    /** setWebhook as documented: an https url is required; the secret_token allows 1-256 of A-Z a-z 0-9 _ -. */
    private Reply setWebhook(JsonNode params) {
        String url = params.path("url").asText("");
        if (!url.isEmpty() && !url.startsWith("https://")) {
            return failure(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        if (params.has("secret_token") && !params.get("secret_token").asText().matches("[A-Za-z0-9_-]{1,256}")) {
            return failure(400, "Bad Request: secret token contains unallowed characters");
        }
        setWebhookUrl(url);
        return success(JSON.getNodeFactory().booleanNode(true));
    }

    /** Takes the queued updates as Telegram would post them to a webhook, one JSON object each. */
    public List<String> takeUpdatesForWebhook() {
        synchronized (lock) {
            List<String> taken = pendingUpdates.stream().map(JsonNode::toString).toList();
            pendingUpdates.clear();
            return taken;
        }
    }

    /** The webhook URL Telegram would post to; empty when the bot polls. */
    public String webhook() {
        synchronized (lock) {
            return webhookUrl;
        }
    }

    private void setWebhookUrl(String url) {
        synchronized (lock) {
            webhookUrl = url;
        }
    }

    /**
     * How many getUpdates arrived while another was still being answered: Telegram answers such a request 409
     * Conflict ("terminated by other getUpdates request"), so a bot whose replicas poll one at a time has none.
     */
    public int pollConflicts() {
        synchronized (lock) {
            return pollConflicts;
        }
    }

    private Reply getUpdates(JsonNode params) {
        synchronized (lock) {
            if (pollsInFlight > 0) {
                pollConflicts++;
            }
            pollsInFlight++;
        }
        try {
            return longPoll(params);
        } finally {
            synchronized (lock) {
                pollsInFlight--;
            }
        }
    }

    private Reply longPoll(JsonNode params) {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeoutMillis = Math.min(TimeUnit.SECONDS.toMillis(Math.max(0, params.path("timeout").asLong(0))),
                LONG_POLL_CAP.toMillis());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            if (params.has("allowed_updates") && params.get("allowed_updates").isArray()) {
                Set<String> allowed = new LinkedHashSet<>();
                params.get("allowed_updates").forEach(type -> allowed.add(type.asText()));
                allowedUpdates = allowed.isEmpty() ? DEFAULT_ALLOWED : allowed;
            }
            if (offset < 0) {
                // Telegram: a negative offset keeps only the last -offset updates and forgets the rest
                int keep = (int) Math.min(pendingUpdates.size(), -offset);
                pendingUpdates.subList(0, pendingUpdates.size() - keep).clear();
            } else {
                pendingUpdates.removeIf(update -> update.get("update_id").asLong() < offset);
            }
            while (pendingUpdates.isEmpty() && !closed) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    break;
                }
                waitOnLock(remainingMillis);
            }
            ArrayNode result = JSON.createArrayNode();
            pendingUpdates.stream().limit(limit).forEach(update -> result.add(update.deepCopy()));
            return success(result);
        }
    }

    private Reply sendMessage(JsonNode params) {
        JsonNode chatIdParam = params.path("chat_id");
        String text = params.path("text").asText("");
        if (chatIdParam.isMissingNode() || chatIdParam.asText().isEmpty()) {
            return failure(400, "Bad Request: chat_id is empty");
        }
        if (!chatIdParam.isIntegralNumber() && !chatIdParam.asText().matches("-?\\d+")) {
            return failure(400, "Bad Request: chat not found");
        }
        if (text.isBlank()) {
            return failure(400, "Bad Request: message text is empty");
        }
        if (visibleLength(text, params.path("parse_mode").asText("")) > MAX_MESSAGE_LENGTH) {
            return failure(400, "Bad Request: message is too long");
        }
        long chatId = chatIdParam.asLong();
        Integer threadId = params.hasNonNull("message_thread_id") ? params.get("message_thread_id").asInt() : null;
        synchronized (lock) {
            ObjectNode chat = chat(chatId);
            ObjectNode message = newBotMessage(chat, nextMessageId(chatId), threadId, text);
            int replyToId = params.path("reply_parameters").path("message_id").asInt(
                    params.path("reply_to_message_id").asInt(0));
            ObjectNode repliedTo = messagesByChatAndId.get(key(chatId, replyToId));
            if (repliedTo != null) {
                ObjectNode shallow = repliedTo.deepCopy();
                shallow.remove("reply_to_message");
                message.set("reply_to_message", shallow);
            }
            if (params.path("reply_markup").has("inline_keyboard")) {
                message.set("reply_markup", params.get("reply_markup").deepCopy());
            }
            return success(message.deepCopy());
        }
    }

    private Reply editMessageText(JsonNode params) {
        if (params.hasNonNull("inline_message_id")) {
            return success(JSON.getNodeFactory().booleanNode(true));
        }
        String text = params.path("text").asText("");
        if (text.isBlank()) {
            return failure(400, "Bad Request: message text is empty");
        }
        if (visibleLength(text, params.path("parse_mode").asText("")) > MAX_MESSAGE_LENGTH) {
            return failure(400, "Bad Request: MESSAGE_TOO_LONG");
        }
        synchronized (lock) {
            ObjectNode message = messagesByChatAndId.get(
                    key(params.path("chat_id").asLong(), params.path("message_id").asInt()));
            if (message == null || !message.path("from").path("is_bot").asBoolean()) {
                return failure(400, "Bad Request: message to edit not found");
            }
            if (text.equals(message.path("text").asText()) && !params.has("reply_markup")) {
                return failure(400, "Bad Request: message is not modified: specified new message content and "
                        + "reply markup are exactly the same as a current content and reply markup of a message");
            }
            message.put("text", text);
            message.put("edit_date", now());
            if (params.path("reply_markup").has("inline_keyboard")) {
                message.set("reply_markup", params.get("reply_markup").deepCopy());
            }
            return success(message.deepCopy());
        }
    }

    // ---------------------------------------------------------------- building Bot API objects (under lock)

    private ObjectNode newMessage(ObjectNode chat, ObjectNode from, Integer threadId) {
        return newMessage(chat, nextMessageId(chat.get("id").asLong()), from, threadId);
    }

    private ObjectNode newMessage(ObjectNode chat, int messageId, ObjectNode from, Integer threadId) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId);
        if (from != null) {
            message.set("from", from);
        }
        message.set("chat", chat.deepCopy());
        message.put("date", now());
        if (threadId != null) {
            message.put("message_thread_id", threadId);
            if (chat.path("is_forum").asBoolean()) {
                message.put("is_topic_message", true);
            }
        }
        return message;
    }

    private ObjectNode newBotMessage(ObjectNode chat, int messageId, Integer threadId, String text) {
        ObjectNode message = newMessage(chat, messageId, botUser(), threadId);
        putText(message, "text", "entities", text);
        messagesByChatAndId.put(key(chat.get("id").asLong(), messageId), message);
        return message;
    }

    private Message enqueueMessage(String updateField, ObjectNode message, long userId) {
        long chatId = message.get("chat").get("id").asLong();
        int messageId = message.get("message_id").asInt();
        messagesByChatAndId.put(key(chatId, messageId), message);
        if (userId != 0) {
            lastMessageIdByChatAndUser.put(key(chatId, userId), messageId);
        }
        enqueue(updateField, message.deepCopy());
        return toMessage(message);
    }

    private void enqueue(String updateField, ObjectNode payload) {
        if (!allowedUpdates.contains(updateField)) {
            return; // Telegram does not keep updates the bot said it does not want
        }
        ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
        update.set(updateField, payload);
        pendingUpdates.add(update);
        lock.notifyAll();
    }

    private int nextMessageId(long chatId) {
        return lastMessageIdByChat.merge(chatId, 1, Integer::sum);
    }

    /** The chat as known, or as Telegram would describe a new one: private for positive ids, supergroup for negative. */
    private ObjectNode chat(long chatId) {
        return chats.computeIfAbsent(chatId, id -> id > 0
                ? JSON.createObjectNode().put("id", id).put("type", "private")
                        .put("first_name", "User" + id).put("username", "user" + id)
                : JSON.createObjectNode().put("id", id).put("type", "supergroup").put("title", "Group " + id));
    }

    private static ObjectNode user(long userId) {
        requireArgument(userId > 0, "a user id must be positive, got: " + userId);
        return JSON.createObjectNode().put("id", userId).put("is_bot", false)
                .put("first_name", "User" + userId).put("username", "user" + userId);
    }

    private ObjectNode botUser() {
        return JSON.createObjectNode().put("id", botId).put("is_bot", true)
                .put("first_name", "CCA Bot").put("username", botUsername);
    }

    private int pendingCount() {
        synchronized (lock) {
            return pendingUpdates.size();
        }
    }

    private static void putText(ObjectNode message, String textField, String entitiesField, String text) {
        if (text == null) {
            return;
        }
        message.put(textField, text);
        ArrayNode entities = Entities.of(text);
        if (!entities.isEmpty()) {
            message.set(entitiesField, entities);
        }
    }

    private static Message toMessage(JsonNode message) {
        JsonNode threadId = message.get("message_thread_id");
        JsonNode text = message.has("text") ? message.get("text") : message.get("caption");
        return new Message(message.get("chat").get("id").asLong(), message.get("message_id").asInt(),
                threadId == null ? null : threadId.asInt(), text == null ? null : text.asText());
    }

    /** Computes mention and bot_command entities; Java string indices are UTF-16 code units, as Telegram counts. */
    private static final class Entities {
        /** A command starts the text or follows whitespace, and may name the bot: /ask@cca_bot. */
        private static final Pattern COMMAND =
                Pattern.compile("(?<!\\S)/\\w{1,32}(?:@\\w{1,32})?(?![\\w@/])");
        /** A mention does not continue a word, so mail@example.org and /ask@bot are not mentions. */
        private static final Pattern MENTION = Pattern.compile("(?<![\\w@/])@\\w{1,32}(?![\\w@])");

        private record Entity(String type, int offset, int length) {}

        static ArrayNode of(String text) {
            List<Entity> found = new ArrayList<>();
            find(COMMAND, "bot_command", text, found);
            find(MENTION, "mention", text, found);
            found.sort(Comparator.comparingInt(Entity::offset));
            ArrayNode entities = JSON.createArrayNode();
            for (Entity entity : found) {
                entities.addObject().put("type", entity.type()).put("offset", entity.offset())
                        .put("length", entity.length());
            }
            return entities;
        }

        private static void find(Pattern pattern, String type, String text, List<Entity> found) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(new Entity(type, matcher.start(), matcher.end() - matcher.start()));
            }
        }
    }

    // ---------------------------------------------------------------- small helpers

    private static Reply success(JsonNode result) {
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.set("result", result);
        return new Reply(200, body.toString());
    }

    private static Reply failure(int status, String description) {
        return new Reply(status, error(status, description).toString());
    }

    private static ObjectNode error(int status, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", status).put("description", description);
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
    }

    /** Telegram limits the text after parsing, so HTML tags and entities do not count. */
    private static int visibleLength(String text, String parseMode) {
        if (!parseMode.equalsIgnoreCase("HTML")) {
            return text.length();
        }
        return text.replaceAll("<[^>]*>", "").replaceAll("&(lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);", "_").length();
    }

    private void waitOnLock(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    private static String describe(List<Call> calls) {
        if (calls.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (Call call : calls) {
            text.append("\n  ").append(call.method()).append(' ').append(call.params());
        }
        return text.toString();
    }

    private static String key(long chatId, long id) {
        return chatId + ":" + id;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static void requireGroup(long chatId) {
        requireArgument(chatId < 0, "a supergroup's chat id must be negative, e.g. -100123, got: " + chatId);
    }

    private static void requireArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Map<String, String> methodsByLowerCase(String... methods) {
        Map<String, String> byLowerCase = new HashMap<>();
        for (String method : methods) {
            byLowerCase.put(method.toLowerCase(Locale.ROOT), method);
        }
        return Map.copyOf(byLowerCase);
    }
}
