package com.ccabot.knowledge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The articles of a knowledge folder and their chunks as the last start read them, kept in the cache folder so
 * that a start reads, parses and chunks again only the files that were added or changed: at 18,000 files reading
 * and chunking is most of a start.
 *
 * <p>A file counts as unchanged when its size and modification time are those it had when it was read, as make
 * and rsync judge files. A file modified within a second before its folder was listed is not kept (its time
 * could not tell a later change in the same tick apart, git's "racy" files: {@link FileStamp#settled}). The snapshot
 * holds the build it was written by, the folder and the chunk size: another build (whose parsing or chunking may
 * differ), folder or chunk size reads every file again. A snapshot that cannot be read is ignored with a warning.
 */
public final class KnowledgeSnapshot {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSnapshot.class);
    private static final String MAGIC = "cca-bot knowledge snapshot 2";

    /** One file as read: when it was stamped, what it held, and its chunks. */
    private record Entry(FileStamp stamp, Article article, List<Chunk> chunks) {}

    private static final KnowledgeSnapshot NONE = new KnowledgeSnapshot(Map.of());

    private final Map<String, Entry> entries;

    private KnowledgeSnapshot(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** A snapshot that knows no file: every file is read. */
    public static KnowledgeSnapshot none() {
        return NONE;
    }

    /**
     * The snapshot of {@code knowledgeDir} kept under {@code cacheDir}; {@link #none()} when there is none (a null
     * cache folder, a first start), or it was written by another build or for another chunk size, or it cannot be
     * read.
     */
    public static KnowledgeSnapshot read(Path cacheDir, Path knowledgeDir, int chunkSize) {
        if (cacheDir == null) {
            return NONE;
        }
        Path file = file(cacheDir, knowledgeDir);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF()) || !build().equals(in.readUTF())
                    || !knowledgeDir.toAbsolutePath().normalize().toString().equals(in.readUTF()) || in.readInt() != chunkSize) {
                return NONE; // another build's, another folder's or another chunking's: expected, not a warning
            }
            int files = in.readInt();
            Map<String, Entry> entries = new HashMap<>(files * 2);
            for (int i = 0; i < files; i++) {
                Entry entry = readEntry(in);
                entries.put(entry.article().file(), entry);
            }
            return new KnowledgeSnapshot(Map.copyOf(entries));
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the knowledge snapshot {} ({}); reading every article again", file,
                    e instanceof EOFException ? "it ends early" : e.getMessage());
            return NONE;
        }
    }

    /** The article a file held when it was read, when the file has not changed since. */
    public Optional<Article> article(String file, FileStamp stamp) {
        Entry entry = entries.get(file);
        return entry != null && entry.stamp().equals(stamp) ? Optional.of(entry.article()) : Optional.empty();
    }

    /** The chunks of an article this snapshot gave. */
    public Optional<List<Chunk>> chunks(Article article) {
        Entry entry = entries.get(article.file());
        return entry != null && entry.article().equals(article) ? Optional.of(entry.chunks()) : Optional.empty();
    }

    /** Whether these articles and chunks are what this snapshot holds already, so that writing it would change nothing. */
    public boolean holds(LoadedKnowledge knowledge) {
        return entries.size() == knowledge.articles().size() && knowledge.articles().stream()
                .allMatch(a -> entries.containsKey(a.file()) && entries.get(a.file()).article() == a
                        && entries.get(a.file()).stamp().equals(knowledge.stamps().get(a.file())));
    }

    /**
     * Writes the snapshot of these articles and their chunks (each article's, in order) under {@code cacheDir},
     * atomically; a failure is a warning, never an error: the next start reads every file.
     */
    public static void write(Path cacheDir, LoadedKnowledge knowledge, Map<String, List<Chunk>> byArticle,
                             int chunkSize) {
        Path file = file(cacheDir, knowledge.dir());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeUTF(build());
                out.writeUTF(knowledge.dir().toAbsolutePath().normalize().toString());
                out.writeInt(chunkSize);
                List<Article> stamped = knowledge.articles().stream()
                        .filter(a -> knowledge.stamps().containsKey(a.file()) && byArticle.containsKey(a.file())).toList();
                out.writeInt(stamped.size());
                for (Article article : stamped) {
                    writeEntry(out, knowledge.stamps().get(article.file()), article, byArticle.get(article.file()));
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write the knowledge snapshot {} ({}); the next start reads every article again", file,
                    e.getMessage());
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the warning above says it all
            }
        }
    }

    private static void writeEntry(DataOutputStream out, FileStamp stamp, Article article, List<Chunk> chunks)
            throws IOException {
        out.writeLong(stamp.size());
        out.writeLong(stamp.modifiedNanos());
        writeString(out, article.file());
        writeString(out, article.title());
        writeString(out, article.date() == null ? null : article.date().toString());
        writeString(out, article.outlet());
        writeString(out, article.author());
        writeString(out, article.url());
        writeString(out, article.lang());
        writeString(out, article.text());
        // chunks overlap by a sentence: each sentence once, and each chunk as a run of them
        List<String> sentences = new ArrayList<>();
        for (Chunk chunk : chunks) {
            for (int i = 0; i < chunk.sentences().size(); i++) {
                int at = chunk.firstSentence() + i;
                if (at == sentences.size() + offset(chunks)) {
                    sentences.add(chunk.sentences().get(i));
                }
            }
        }
        out.writeInt(offset(chunks));
        out.writeInt(sentences.size());
        for (String sentence : sentences) {
            writeString(out, sentence);
        }
        out.writeInt(chunks.size());
        for (Chunk chunk : chunks) {
            out.writeInt(chunk.firstSentence());
            out.writeInt(chunk.sentences().size());
        }
    }

    /** The index of the first sentence of the first chunk: the sentences before it are in no chunk. */
    private static int offset(List<Chunk> chunks) {
        return chunks.isEmpty() ? 0 : chunks.get(0).firstSentence();
    }

    private static Entry readEntry(DataInputStream in) throws IOException {
        FileStamp stamp = new FileStamp(in.readLong(), in.readLong());
        String file = readString(in);
        String title = readString(in);
        String date = readString(in);
        Article article = new Article(file, title, date == null ? null : LocalDate.parse(date), readString(in),
                readString(in), readString(in), readString(in), readString(in));
        int offset = in.readInt();
        int count = in.readInt();
        List<String> sentences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sentences.add(readString(in));
        }
        int chunkCount = in.readInt();
        List<Chunk> chunks = new ArrayList<>(chunkCount);
        for (int position = 0; position < chunkCount; position++) {
            int first = in.readInt();
            int size = in.readInt();
            chunks.add(new Chunk(file + "#" + position, article, position, first,
                    sentences.subList(first - offset, first - offset + size)));
        }
        return new Entry(stamp, article, List.copyOf(chunks));
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Where the snapshot of a folder is kept: named after the folder's absolute path. */
    static Path file(Path cacheDir, Path knowledgeDir) {
        String path = knowledgeDir.toAbsolutePath().normalize().toString();
        return cacheDir.resolve("knowledge").resolve(sha256(path).substring(0, 16) + ".snapshot");
    }

    /**
     * What tells this build apart from another: the jar's (or classes folder's) size and modification time. Any
     * new build reads every file once, so a change to how articles are parsed or chunked is never masked.
     */
    static String build() {
        return Build.STAMP;
    }

    private static final class Build {
        private static final String STAMP = stamp();

        private static String stamp() {
            try {
                CodeSource source = KnowledgeSnapshot.class.getProtectionDomain().getCodeSource();
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    return location.getFileName() + "/" + Files.size(location) + "/" + Files.getLastModifiedTime(location).toMillis();
                }
                // a classes folder (tests, an IDE): the classes of this package stand for the parsing and chunking
                Path classes = location.resolve(KnowledgeSnapshot.class.getPackageName().replace('.', '/'));
                StringBuilder stamp = new StringBuilder();
                try (Stream<Path> files = Files.list(classes)) {
                    for (Path f : files.sorted().toList()) {
                        stamp.append(f.getFileName()).append('/').append(Files.size(f)).append('/')
                                .append(Files.getLastModifiedTime(f).toMillis()).append(';');
                    }
                }
                return sha256(stamp.toString());
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // unknown: a stamp no snapshot can have, so that nothing is ever taken from an older build
                return "unknown-" + System.nanoTime();
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
