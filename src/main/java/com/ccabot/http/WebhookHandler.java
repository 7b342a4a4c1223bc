package com.ccabot.http;

/** Takes what Telegram posts to the webhook; the HTTP server knows nothing more of Telegram. */
@FunctionalInterface
public interface WebhookHandler {

    /**
     * @param secretHeader the request's {@code X-Telegram-Bot-Api-Secret-Token}, or null
     * @return the HTTP status to answer with
     */
    int receive(String secretHeader, byte[] body);
}
