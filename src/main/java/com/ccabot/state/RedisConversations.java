package com.ccabot.state;

import com.ccabot.answer.Conversations;
import com.ccabot.answer.Turn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversations in Redis, one list of turns a conversation, kept to the last few turns and forgotten after the same
 * silence as in one process: a follow-up is understood whichever replica answers it. While Redis is away, this
 * replica's own copy of the turns it saw stands in.
 */
final class RedisConversations implements Conversations {

    private static final String PREFIX = "cca:conversation:";
    /** Adds a turn, keeps the last ARGV[2], and forgets the list after ARGV[3] ms of silence. */
    private static final SharedState.Script ADD = SharedState.Script.of("""
            redis.call('rpush', KEYS[1], ARGV[1])
            redis.call('ltrim', KEYS[1], -tonumber(ARGV[2]), -1)
            redis.call('pexpire', KEYS[1], ARGV[3])
            return 1""");
    /** Reads the turns; reading counts as activity, as in one process. */
    private static final SharedState.Script READ = SharedState.Script.of("""
            local turns = redis.call('lrange', KEYS[1], 0, -1)
            if #turns > 0 then redis.call('pexpire', KEYS[1], ARGV[1]) end
            return turns""");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharedState redis;
    private final int maxTurns;
    private final Duration forgetAfter;
    private final Conversations local;

    RedisConversations(SharedState redis, int maxTurns, Duration forgetAfter) {
        this.redis = redis;
        this.maxTurns = maxTurns;
        this.forgetAfter = forgetAfter;
        this.local = Conversations.local(maxTurns, forgetAfter);
    }

    @Override
    public List<Turn> history(String conversation) {
        if (conversation == null) {
            return List.of();
        }
        try {
            List<Object> stored = redis.eval(READ, ScriptOutputType.MULTI, new String[] {PREFIX + conversation},
                    String.valueOf(forgetAfter.toMillis()));
            List<Turn> turns = new ArrayList<>();
            for (Object turn : stored) {
                turns.add(JSON.readValue(String.valueOf(turn), Turn.class));
            }
            return turns;
        } catch (UncheckedIOException e) {
            return local.history(conversation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a turn in Redis is not one this bot wrote: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void add(String conversation, Turn turn) {
        if (conversation == null) {
            return;
        }
        local.add(conversation, turn);
        try {
            redis.eval(ADD, ScriptOutputType.INTEGER, new String[] {PREFIX + conversation}, JSON.writeValueAsString(turn),
                    String.valueOf(maxTurns), String.valueOf(forgetAfter.toMillis()));
        } catch (UncheckedIOException e) {
            // this replica's copy stands in until Redis is back
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a turn is two strings: it always serialises", e);
        }
    }
}
