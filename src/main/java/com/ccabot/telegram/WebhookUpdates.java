package com.ccabot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The updates Telegram posts to the bot's webhook. A request is acknowledged (200) only once its update is kept in
 * the {@link Inbox} (the journal, or the queue replicas share), so an update the process dies with is answered by
 * the next start or another replica; an update Telegram delivers again is acknowledged without being answered
 * twice; one that cannot be kept now (Redis down) is refused with 503, and Telegram posts it again later. A request without the secret
 * Telegram was given at {@code setWebhook} is refused (401) unread.
 */
public final class WebhookUpdates {

    private static final Logger log = LoggerFactory.getLogger(WebhookUpdates.class);

    public static final int OK = 200;
    public static final int NOT_AN_UPDATE = 400;
    public static final int WRONG_SECRET = 401;
    public static final int NOT_NOW = 503;

    private final byte[] secret;
    private final ObjectMapper json;
    private final Inbox inbox;

    WebhookUpdates(String secret, ObjectMapper json, Inbox inbox) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.inbox = inbox;
    }

    /**
     * Takes one posted update.
     *
     * @param secretHeader the request's {@code X-Telegram-Bot-Api-Secret-Token}, or null
     * @return the HTTP status to answer with: 200 taken (or known), 400 not an update, 401 wrong secret, 503 cannot
     *         be kept now (Telegram delivers it again later)
     */
    public int receive(String secretHeader, byte[] body) {
        // compared in constant time: the time of a refusal tells nothing about the secret
        if (secretHeader == null || !MessageDigest.isEqual(secret, secretHeader.getBytes(StandardCharsets.UTF_8))) {
            return WRONG_SECRET;
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            log.warn("the webhook was posted something that is not an update ({} bytes)", body.length);
            return NOT_AN_UPDATE;
        }
        if (update == null || update.getUpdateId() == null) {
            return NOT_AN_UPDATE;
        }
        try {
            inbox.keep(update); // an update kept before is acknowledged again, not answered twice
        } catch (UncheckedIOException e) {
            log.error("cannot keep update {}: {}; Telegram will post it again", update.getUpdateId(), e.getMessage());
            return NOT_NOW;
        }
        return OK;
    }
}
