package com.ccabot.cache;

import com.ccabot.answer.Answer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers already given, kept by Caffeine under the normalised question, the backend that composed them and the
 * version of the index they came from, so a reloaded knowledge folder never serves a stale answer.
 */
public final class AnswerCache {

    /** What an answer is cached under. */
    public record Key(String question, String backend, String indexVersion) {}

    private final Cache<Key, Answer> answers;
    private final boolean enabled;

    /** @param maximumSize 0 turns caching off */
    public AnswerCache(long maximumSize, Duration expireAfter) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("cache size must not be negative");
        }
        this.enabled = maximumSize > 0;
        this.answers = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(expireAfter)
                .recordStats()
                .build();
    }

    public Optional<Answer> get(Key key) {
        return enabled ? Optional.ofNullable(answers.getIfPresent(key)) : Optional.empty();
    }

    public void put(Key key, Answer answer) {
        if (enabled) {
            answers.put(key, answer);
        }
    }

    /** Hits, misses, evictions and size as Caffeine's meters, tagged {@code cache="answers"}. */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, answers, "answers");
    }

    public CacheFigures figures() {
        var stats = answers.stats();
        return new CacheFigures(stats.hitCount(), stats.missCount(), answers.estimatedSize());
    }
}
