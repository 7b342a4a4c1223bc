package com.ccabot.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class EmbeddingCacheTest {

    @TempDir
    Path dir;

    @Test
    void keepsEmbeddingsAcrossRunsByTextHash() {
        EmbeddingCache first = EmbeddingCache.open(dir, "model", 3);
        first.put("alpha", new float[] {1, 2, 3});
        first.save();

        EmbeddingCache second = EmbeddingCache.open(dir, "model", 3);
        assertThat(second.get("alpha")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
        assertThat(second.get("beta")).isEmpty();
        assertThat(second.hits()).isEqualTo(1);
        assertThat(second.misses()).isEqualTo(1);
    }

    @Test
    void savesOnlyWhatThisRunUsedSoRemovedTextDoesNotPileUp() {
        EmbeddingCache first = EmbeddingCache.open(dir, "model", 2);
        first.put("kept", new float[] {1, 1});
        first.put("dropped", new float[] {2, 2});
        first.save();
        EmbeddingCache second = EmbeddingCache.open(dir, "model", 2);
        second.get("kept");
        second.save();

        EmbeddingCache third = EmbeddingCache.open(dir, "model", 2);
        assertThat(third.get("kept")).isPresent();
        assertThat(third.get("dropped")).isEmpty();
    }

    @Test
    void discardsADamagedFileWithOneWarningInsteadOfFailing() throws Exception {
        EmbeddingCache cache = EmbeddingCache.open(dir, "model", 2);
        cache.put("text", new float[] {1, 2});
        cache.save();
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        ListAppender<ILoggingEvent> logs = capture();

        EmbeddingCache reopened = EmbeddingCache.open(dir, "model", 2);

        assertThat(reopened.get("text")).isEmpty();
        assertThat(logs.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("damaged", file.toString()));
    }

    @Test
    void ignoresACacheMadeByAnotherModel() {
        EmbeddingCache other = EmbeddingCache.open(dir, "model", 2);
        other.put("text", new float[] {1, 2});
        other.save();
        Path renamed = dir.resolve("embeddings-model.bin");

        assertThat(renamed).exists();
        assertThat(EmbeddingCache.open(dir, "another", 2).get("text")).isEmpty();
    }

    @Test
    void treatsGarbageAsDamaged() throws Exception {
        Files.writeString(dir.resolve("embeddings-model.bin"), "not a cache");

        assertThat(EmbeddingCache.open(dir, "model", 2).get("x")).isEmpty();
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(EmbeddingCache.class)).addAppender(appender);
        return appender;
    }
}
