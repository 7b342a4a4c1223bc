package com.ccabot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few turns of each conversation, so a follow-up ("and when was it opened?") can be understood. Bounded
 * in conversations and turns, forgotten after a while of silence; a conversation is whatever the transport says
 * (a console session, a private chat, a group's reply chain), so nothing crosses from one to another.
 */
public final class Conversations {

    /** A follow-up leans on the last few turns; a conversation silent for half an hour starts afresh. */
    public static final int MAX_TURNS = 6;
    public static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    /** At six turns of about 1.4 KB each, the most recently active 10,000 conversations stay under 100 MB. */
    private static final int MAX_CONVERSATIONS = 10_000;

    private final int maxTurns;
    private final Cache<String, Deque<Turn>> turns;

    public Conversations(int maxTurns, Duration forgetAfter) {
        this.maxTurns = maxTurns;
        this.turns = Caffeine.newBuilder().maximumSize(MAX_CONVERSATIONS).expireAfterAccess(forgetAfter).build();
    }

    /** The conversation's turns, oldest first; empty for none or for an unknown conversation. */
    public List<Turn> history(String conversation) {
        if (conversation == null) {
            return List.of();
        }
        Deque<Turn> deque = turns.getIfPresent(conversation);
        if (deque == null) {
            return List.of();
        }
        synchronized (deque) {
            return List.copyOf(deque);
        }
    }

    public void add(String conversation, Turn turn) {
        if (conversation == null) {
            return;
        }
        Deque<Turn> deque = turns.get(conversation, key -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addLast(turn);
            while (deque.size() > maxTurns) {
                deque.removeFirst();
            }
        }
    }
}
