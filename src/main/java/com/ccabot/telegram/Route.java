package com.ccabot.telegram;

/** What one Telegram update asks the bot to do. */
public sealed interface Route {

    /** Nothing: not addressed to the bot, or nothing the bot handles. */
    record Ignore(String why) implements Route {}

    /**
     * A question to answer, from a user (or, in a channel, the channel itself); {@code repliesTo} is the bot's
     * message it replies to, which continues that conversation, or null.
     */
    record Ask(ReplyTarget target, long askerId, String question, Integer repliesTo) implements Route {}

    /** A command such as /start or /stats, with what follows it. */
    record Command(ReplyTarget target, long askerId, String name, String argument, boolean privateChat) implements Route {}

    /** An inline query typed as "@bot question" in any chat. */
    record Inline(String queryId, long askerId, String query) implements Route {}

    /** A button press; answered so the user's client stops waiting, even when the data means nothing to us. */
    record Callback(String queryId) implements Route {}
}
