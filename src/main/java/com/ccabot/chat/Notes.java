package com.ccabot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Short notes by key that a transport reads back for a while (which conversation a message of the bot belongs to):
 * kept in this process ({@link #local}), or in Redis, so that any replica reads what another wrote.
 */
public interface Notes {

    Optional<String> get(String key);

    void put(String key, String value);

    /** Notes of this process alone, the most recent 100,000 of them, each forgotten {@code forgetAfter} after it was written. */
    static Notes local(Duration forgetAfter) {
        Cache<String, String> notes = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(forgetAfter).build();
        return new Notes() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(notes.getIfPresent(key));
            }

            @Override
            public void put(String key, String value) {
                notes.put(key, value);
            }
        };
    }
}
