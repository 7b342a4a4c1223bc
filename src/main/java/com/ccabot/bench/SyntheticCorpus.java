package com.ccabot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of articles for benchmarks at scale: the real articles of a knowledge folder, copied in, among
 * generated ones — news of China–Central Asia cooperation, near-copies of the real articles and unrelated news —
 * until the folder holds a requested number of chunks. The same recipe (chunks, seed, chunk size) and the same real
 * articles always give the same files. A hidden manifest, {@value #MANIFEST}, lists every file with its kind and
 * chunk count.
 *
 * @param dir     the folder
 * @param reused  whether an earlier run had left it complete, so nothing was written now
 * @param entries its files, real ones first
 */
public record SyntheticCorpus(Path dir, boolean reused, List<Entry> entries) {

    public static final long DEFAULT_SEED = 11;
    static final String MANIFEST = ".corpus.tsv";

    /** What a file of the corpus is. */
    public enum Kind { REAL, NEAR_COPY, COOPERATION, UNRELATED }

    /**
     * One file of the corpus.
     *
     * @param file   its path relative to the corpus folder
     * @param copyOf for a near-copy, the real article it was made from; otherwise empty
     */
    public record Entry(String file, Kind kind, int chunks, String copyOf) {}

    /** How to make a corpus: about {@code chunks} chunks of {@code chunkSize} characters, from {@code seed}. */
    public record Recipe(int chunks, long seed, int chunkSize) {

        public Recipe {
            if (chunks < 1) {
                throw new IllegalArgumentException("the number of chunks must be positive, not " + chunks);
            }
        }

        String folderName() {
            return "chunks-" + chunks + "-seed-" + seed + "-size-" + chunkSize;
        }
    }

    public SyntheticCorpus {
        entries = List.copyOf(entries);
    }

    /**
     * The corpus of {@code recipe} in a folder under {@code parent} named after it: the one an earlier run left there
     * when it was made from the same recipe and real articles, or else one written now (a stale one is replaced).
     *
     * @param realArticles the knowledge folder whose articles are copied in
     */
    public static SyntheticCorpus prepare(Path realArticles, Path parent, Recipe recipe) {
        Path dir = parent.resolve(recipe.folderName());
        CorpusWriter writer = new CorpusWriter(recipe, realArticles);
        try {
            Path manifest = dir.resolve(MANIFEST);
            if (Files.isDirectory(dir)) {
                if (!Files.isRegularFile(manifest)) {
                    throw new IllegalStateException(dir + " exists but holds no corpus that cca-bot wrote; remove it");
                }
                List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
                if (lines.size() > 0 && lines.get(0).equals(writer.header())) {
                    return new SyntheticCorpus(dir, true, entries(lines));
                }
                delete(dir); // written by another version of the generator or from other real articles
            }
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, ".writing-");
            try {
                List<Entry> entries = writer.write(temp);
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
                return new SyntheticCorpus(dir, false, entries);
            } finally {
                if (Files.exists(temp)) {
                    delete(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic corpus in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the corpus of {@code recipe} into {@code dir}, which must be empty or absent. */
    public static SyntheticCorpus write(Path realArticles, Path dir, Recipe recipe) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + " is not empty");
                    }
                }
            }
            Files.createDirectories(dir);
            return new SyntheticCorpus(dir, false, new CorpusWriter(recipe, realArticles).write(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic corpus in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The chunks of all its files together. */
    public int chunks() {
        return entries.stream().mapToInt(Entry::chunks).sum();
    }

    public long count(Kind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).count();
    }

    /** "312 articles (5 real, 12 near-copies, 95 unrelated, 200 on cooperation), 2005 chunks" */
    public String summary() {
        return String.format(Locale.ROOT, "%d articles (%d real, %d near-copies of them, %d unrelated, %d on cooperation),"
                        + " %d chunks", entries.size(), count(Kind.REAL), count(Kind.NEAR_COPY), count(Kind.UNRELATED),
                count(Kind.COOPERATION), chunks());
    }

    static String manifestLine(Entry entry) {
        return String.join("\t", entry.kind().name().toLowerCase(Locale.ROOT), Integer.toString(entry.chunks()),
                entry.file(), entry.copyOf());
    }

    private static List<Entry> entries(List<String> manifest) {
        List<Entry> entries = new ArrayList<>();
        for (String line : manifest.subList(1, manifest.size())) {
            String[] fields = line.split("\t", -1);
            entries.add(new Entry(fields[2], Kind.valueOf(fields[0].toUpperCase(Locale.ROOT)),
                    Integer.parseInt(fields[1]), fields[3]));
        }
        return entries;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
