package com.ccabot.answer;

import java.time.Duration;
import java.util.List;

/**
 * The last few turns of each conversation, so a follow-up ("and when was it opened?") can be understood: kept in
 * this process ({@link #local}), or in Redis, so that a follow-up answered by another replica is understood too. A
 * conversation is whatever the transport says (a console session, a private chat, a group's reply chain), so nothing
 * crosses from one to another.
 */
public interface Conversations {

    /** A follow-up leans on the last few turns; a conversation silent for half an hour starts afresh. */
    int MAX_TURNS = 6;
    Duration FORGET_AFTER = Duration.ofMinutes(30);

    /** The conversation's turns, oldest first; empty for none or for an unknown conversation. */
    List<Turn> history(String conversation);

    /** Adds a turn, forgetting the oldest beyond the most kept; nothing for a null conversation. */
    void add(String conversation, Turn turn);

    /** Conversations of this process alone: the most recently active 10,000 of them. */
    static Conversations local(int maxTurns, Duration forgetAfter) {
        return new LocalConversations(maxTurns, forgetAfter);
    }
}
