package com.ccabot.state;

import com.ccabot.answer.Conversations;
import com.ccabot.chat.Notes;
import io.lettuce.core.SetArgs;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Notes in Redis, each forgotten as a conversation is ({@link Conversations#FORGET_AFTER}); while Redis is away,
 * notes of this process stand in, so a reply in a group still continues its conversation on this replica.
 */
final class RedisNotes implements Notes {

    private static final String PREFIX = "cca:note:";

    private final SharedState redis;
    private final Notes local = Notes.local(Conversations.FORGET_AFTER);

    RedisNotes(SharedState redis) {
        this.redis = redis;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(redis.call(commands -> commands.get(PREFIX + key)));
        } catch (UncheckedIOException e) {
            return local.get(key);
        }
    }

    @Override
    public void put(String key, String value) {
        local.put(key, value);
        try {
            redis.call(commands -> commands.set(PREFIX + key, value,
                    SetArgs.Builder.px(Conversations.FORGET_AFTER.toMillis())));
        } catch (UncheckedIOException e) {
            // this replica's own note stands in until Redis is back
        }
    }
}
