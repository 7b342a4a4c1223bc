package com.ccabot.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the process is ready for traffic: ready once every condition it waits for is met (the knowledge
 * loaded; in Telegram mode, the Bot API reached). Thread-safe.
 */
public final class Readiness {

    private final Map<String, String> waiting = new LinkedHashMap<>();

    /** Not ready until {@link #met} is called for {@code condition}; {@code problem} says why meanwhile. */
    public synchronized void waitFor(String condition, String problem) {
        waiting.put(condition, problem);
    }

    public synchronized void met(String condition) {
        waiting.remove(condition);
    }

    /** Why the process is not ready; empty when it is. */
    public synchronized List<String> problems() {
        return List.copyOf(waiting.values());
    }

    public boolean ready() {
        return problems().isEmpty();
    }
}
