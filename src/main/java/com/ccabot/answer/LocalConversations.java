package com.ccabot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The conversations of this process, in Caffeine: bounded in conversations and turns, forgotten after a while of
 * silence.
 */
final class LocalConversations implements Conversations {

    /** At six turns of about 1.4 KB each, the most recently active 10,000 conversations stay under 100 MB. */
    private static final int MAX_CONVERSATIONS = 10_000;

    private final int maxTurns;
    private final Cache<String, Deque<Turn>> turns;

    LocalConversations(int maxTurns, Duration forgetAfter) {
        this.maxTurns = maxTurns;
        this.turns = Caffeine.newBuilder().maximumSize(MAX_CONVERSATIONS).expireAfterAccess(forgetAfter).build();
    }

    @Override
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

    @Override
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
