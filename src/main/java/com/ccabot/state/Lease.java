package com.ccabot.state;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;

/**
 * A lease in Redis that one replica at a time holds: taken when free, renewed by its holder, expiring on its own
 * when the holder stops renewing (it died), given back when the holder stops cleanly. Each call is one script.
 */
final class Lease {

    /** Takes a free lease or renews one's own; 0 when another holds it. */
    private static final SharedState.Script HOLD = SharedState.Script.of("""
            local owner = redis.call('get', KEYS[1])
            if owner == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
            if not owner then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
            return 0""");
    private static final SharedState.Script RELEASE = SharedState.Script.of("""
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0""");

    private final SharedState redis;
    private final String key;
    private final String holder;
    private final Duration time;

    Lease(SharedState redis, String key, String holder, Duration time) {
        this.redis = redis;
        this.key = key;
        this.holder = holder;
        this.time = time;
    }

    /** Takes the lease, or renews it for its full time; false when another replica holds it. */
    boolean hold() {
        long held = redis.eval(HOLD, ScriptOutputType.INTEGER, new String[] {key}, holder,
                String.valueOf(time.toMillis()));
        return held == 1;
    }

    /** Gives the lease back, if this replica holds it. */
    void release() {
        redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, holder);
    }
}
