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
 * version of the index they came from, so a reloaded knowledge folder never serves a stale answer. With replicas, a
 * {@link SecondLevel} in Redis under the same key sits behind Caffeine: an answer one replica composed is served by
 * the others, and replicas whose articles differ never share one (the index version is a hash of the content).
 */
public final class AnswerCache {

    /** What an answer is cached under. */
    public record Key(String question, String backend, String indexVersion) {}

    /** Answers kept where every replica finds them, each for a while; a lookup that fails is a miss. */
    public interface SecondLevel {

        Optional<Answer> get(Key key);

        void put(Key key, Answer answer, Duration expireAfter);
    }

    private final Cache<Key, Answer> answers;
    private final boolean enabled;
    private final SecondLevel shared;
    private final Duration expireAfter;

    /** @param maximumSize 0 turns caching off */
    public AnswerCache(long maximumSize, Duration expireAfter) {
        this(maximumSize, expireAfter, null);
    }

    /**
     * @param maximumSize 0 turns caching off, both levels
     * @param shared      the second level replicas share, or null for none
     */
    public AnswerCache(long maximumSize, Duration expireAfter, SecondLevel shared) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("cache size must not be negative");
        }
        this.shared = shared;
        this.expireAfter = expireAfter;
        this.enabled = maximumSize > 0;
        this.answers = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(expireAfter)
                .recordStats()
                .build();
    }

    public Optional<Answer> get(Key key) {
        if (!enabled) {
            return Optional.empty();
        }
        Answer local = answers.getIfPresent(key);
        if (local != null || shared == null) {
            return Optional.ofNullable(local);
        }
        Optional<Answer> found = shared.get(key);
        found.ifPresent(answer -> answers.put(key, answer));
        return found;
    }

    public void put(Key key, Answer answer) {
        if (enabled) {
            answers.put(key, answer);
            if (shared != null) {
                shared.put(key, answer, expireAfter);
            }
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
