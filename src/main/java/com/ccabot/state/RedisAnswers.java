package com.ccabot.state;

import com.ccabot.answer.Answer;
import com.ccabot.cache.AnswerCache;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cached answers in Redis, as JSON under the index version, the backend and a hash of the question: the same key as
 * the local cache, so replicas with the same articles share answers and those with different ones never mix. A
 * lookup Redis does not answer is a miss.
 */
final class RedisAnswers implements AnswerCache.SecondLevel {

    private static final Logger log = LoggerFactory.getLogger(RedisAnswers.class);
    private static final String PREFIX = "cca:answer:";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SharedState redis;

    RedisAnswers(SharedState redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Answer> get(AnswerCache.Key key) {
        String stored;
        try {
            stored = redis.call(commands -> commands.get(name(key)));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(stored, Answer.class));
        } catch (IOException e) {
            log.debug("a cached answer in Redis does not read ({}): composing it again", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(AnswerCache.Key key, Answer answer, Duration expireAfter) {
        try {
            String json = JSON.writeValueAsString(answer);
            redis.call(commands -> commands.set(name(key), json, SetArgs.Builder.px(expireAfter.toMillis())));
        } catch (UncheckedIOException e) {
            // not shared this time; this replica's cache keeps it
        } catch (IOException e) {
            throw new IllegalStateException("an answer always serialises", e);
        }
    }

    private static String name(AnswerCache.Key key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.question().getBytes(StandardCharsets.UTF_8));
            return PREFIX + key.indexVersion() + ":" + key.backend() + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
