package com.ccabot.telegram;

/**
 * Where a reply goes: the chat, the forum topic when the question came from one, and the message it answers
 * (null for none).
 */
public record ReplyTarget(long chatId, Integer threadId, Integer replyTo) {

    /** The conversation this reply belongs to: a forum topic is a conversation of its own. */
    public String conversation() {
        return threadId == null ? Long.toString(chatId) : chatId + "/" + threadId;
    }
}
