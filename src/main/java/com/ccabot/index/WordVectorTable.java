package com.ccabot.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedding model's vector of each word of its vocabulary taken alone, computed once and shipped with the bot:
 * matching a question's word to an article's word of the same meaning ({@link WordMeanings}) needs the vectors of
 * both, and embedding the words of the leading passages as questions came was a fifth of a question's time. The
 * vocabulary is the model's, not the articles', so the table does not change when articles are added and costs
 * indexing nothing. Each vector is kept in 8 bits a component with its own scale (8.6 MB for 21,722 words): the cosine
 * of two words moves by under 0.002. A word outside the table is embedded as before.
 *
 * <p>Written by {@link #write} (run by {@code WordVectorTableBuild} in the tests' tools); a test checks that the
 * shipped table is the model's vocabulary and that its vectors are the model's.
 */
public final class WordVectorTable {

    public static final String RESOURCE = "/model/word-vectors.bin";
    /** "WRDV": what the file is, and the layout's version after it. */
    private static final int MAGIC = 0x57524456;
    private static final int VERSION = 1;
    private static final int LARGEST = 127;

    private final Map<String, Integer> ordinals;
    private final byte[] components;
    private final float[] scales;
    private final int dimension;

    private WordVectorTable(Map<String, Integer> ordinals, byte[] components, float[] scales, int dimension) {
        this.ordinals = ordinals;
        this.components = components;
        this.scales = scales;
        this.dimension = dimension;
    }

    /** The table shipped for {@link MiniLmEmbeddingModel}, read once, when a word's meaning is first asked. */
    public static WordVectorTable shipped() {
        return Shipped.TABLE;
    }

    /** No word at all: every word is embedded when it is needed. */
    public static WordVectorTable none() {
        return new WordVectorTable(Map.of(), new byte[0], new float[0], 0);
    }

    private static final class Shipped {
        static final WordVectorTable TABLE = readResource();
    }

    private static WordVectorTable readResource() {
        InputStream in = WordVectorTable.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static WordVectorTable read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a word vector table of this version");
        }
        int dimension = in.readInt();
        int count = in.readInt();
        Map<String, Integer> ordinals = new HashMap<>(count * 2);
        byte[] components = new byte[count * dimension];
        float[] scales = new float[count];
        for (int i = 0; i < count; i++) {
            ordinals.put(in.readUTF(), i);
            scales[i] = in.readFloat();
            in.readFully(components, i * dimension, dimension);
        }
        return new WordVectorTable(ordinals, components, scales, dimension);
    }

    /** The unit-length vector of a word (any case) as the model gives it alone; empty for a word not in the table. */
    public Optional<float[]> vector(String word) {
        Integer ordinal = ordinals.get(word.toLowerCase(Locale.ROOT));
        if (ordinal == null) {
            return Optional.empty();
        }
        float[] vector = new float[dimension];
        double squares = 0;
        int from = ordinal * dimension;
        for (int i = 0; i < dimension; i++) {
            vector[i] = components[from + i] * scales[ordinal];
            squares += vector[i] * vector[i];
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < dimension; i++) {
            vector[i] /= norm;
        }
        return Optional.of(vector);
    }

    public int size() {
        return ordinals.size();
    }

    /** The words of the table, as the tokenizer's vocabulary writes them (lower case). */
    public Set<String> words() {
        return Collections.unmodifiableSet(ordinals.keySet());
    }

    /**
     * Embeds each word alone with {@code model}, in batches, and writes the table to {@code file}.
     *
     * @param words lower case, each once
     */
    public static void write(List<String> words, EmbeddingModel model, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(model.dimension());
            out.writeInt(words.size());
            int batch = 256;
            for (int from = 0; from < words.size(); from += batch) {
                List<String> some = words.subList(from, Math.min(words.size(), from + batch));
                var embeddings = model.embedAll(some.stream().map(TextSegment::from).toList()).content();
                for (int i = 0; i < some.size(); i++) {
                    float[] vector = embeddings.get(i).vector();
                    float largest = 0;
                    for (float component : vector) {
                        largest = Math.max(largest, Math.abs(component));
                    }
                    float scale = largest / LARGEST;
                    out.writeUTF(some.get(i));
                    out.writeFloat(scale);
                    for (float component : vector) {
                        out.writeByte(Math.round(component / scale));
                    }
                }
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
