package com.ccabot.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings kept on disk between runs, keyed by the model and the SHA-256 of the embedded text, so a restart
 * embeds nothing and a changed article embeds only its own changed text.
 *
 * <p>One file per model, with a checksum: a damaged or foreign file is discarded with a warning and rebuilt.
 * {@link #save()} writes only the entries used since opening, so text that left the knowledge folder does not
 * accumulate.
 */
public final class EmbeddingCache {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x43434145; // "CCAE"
    private static final int FORMAT = 1;

    private final Path file;
    private final String modelId;
    private final int dimension;
    private final Map<String, float[]> stored;
    private final Map<String, float[]> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private EmbeddingCache(Path file, String modelId, int dimension, Map<String, float[]> stored) {
        this.file = file;
        this.modelId = modelId;
        this.dimension = dimension;
        this.stored = stored;
    }

    /** Opens the cache of one model in {@code dir}; a null folder gives a cache that keeps nothing on disk. */
    public static EmbeddingCache open(Path dir, String modelId, int dimension) {
        if (dir == null) {
            return new EmbeddingCache(null, modelId, dimension, Map.of());
        }
        Path file = dir.resolve("embeddings-" + modelId + ".bin");
        return new EmbeddingCache(file, modelId, dimension, read(file, modelId, dimension));
    }

    /** The cached embedding of this exact text, if there is one. */
    public Optional<float[]> get(String text) {
        String key = key(text);
        float[] vector = used.get(key);
        if (vector == null) {
            vector = stored.get(key);
        }
        if (vector == null) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        hits.incrementAndGet();
        used.put(key, vector);
        return Optional.of(vector);
    }

    public void put(String text, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " dimensions, got " + vector.length);
        }
        used.put(key(text), vector);
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /** Writes the entries used since opening, atomically; a failure to write is logged, not thrown. */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, encode(new LinkedHashMap<>(used)));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot save the embedding cache {}: {}", file, e.toString());
        }
    }

    private byte[] encode(Map<String, float[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * (32 + 4 * dimension));
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(modelId);
        out.writeInt(dimension);
        out.writeInt(entries.size());
        for (Map.Entry<String, float[]> entry : entries.entrySet()) {
            out.write(HexFormat.of().parseHex(entry.getKey()));
            for (float value : entry.getValue()) {
                out.writeFloat(value);
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        return bytes.toByteArray();
    }

    private static Map<String, float[]> read(Path file, String modelId, int dimension) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            log.warn("cannot read the embedding cache {}, embedding again: {}", file, e.toString());
            return Map.of();
        }
        try {
            return decode(content, modelId, dimension);
        } catch (IOException | RuntimeException e) {
            log.warn("discarding the damaged embedding cache {}: {}", file, e.getMessage());
            return Map.of();
        }
    }

    private static Map<String, float[]> decode(byte[] content, String modelId, int dimension) throws IOException {
        if (content.length < Long.BYTES) {
            throw new IOException("file too short");
        }
        CRC32 crc = new CRC32();
        crc.update(content, 0, content.length - Long.BYTES);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(content));
        in.skipNBytes(content.length - Long.BYTES);
        if (in.readLong() != crc.getValue()) {
            throw new IOException("checksum mismatch");
        }
        in = new DataInputStream(new ByteArrayInputStream(content, 0, content.length - Long.BYTES));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not an embedding cache of this version");
        }
        if (!in.readUTF().equals(modelId) || in.readInt() != dimension) {
            throw new IOException("made by another model");
        }
        int count = in.readInt();
        Map<String, float[]> entries = new ConcurrentHashMap<>(Math.max(16, count * 2));
        byte[] hash = new byte[32];
        for (int i = 0; i < count; i++) {
            in.readFully(hash);
            float[] vector = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                vector[d] = in.readFloat();
            }
            entries.put(HexFormat.of().formatHex(hash), vector);
        }
        return entries;
    }

    static String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
