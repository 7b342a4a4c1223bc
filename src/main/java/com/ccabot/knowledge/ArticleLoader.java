package com.ccabot.knowledge;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the articles of a knowledge folder: every Markdown, text, HTML and PDF file under it
 * ({@code .md .txt .html .htm .pdf}).
 *
 * <p>A file it cannot use is skipped with one warning naming it and saying why; the others load.
 * Only a folder that is missing or yields no article at all is an error.
 */
public final class ArticleLoader {

    private static final Logger log = LoggerFactory.getLogger(ArticleLoader.class);

    /** The extensions of article files, in the order messages list them. */
    public static final List<String> EXTENSIONS = List.of("md", "txt", "html", "htm", "pdf");

    private final Map<String, ArticleFormat> formats;

    public ArticleLoader() {
        ArticleFormat text = new TextFormat();
        ArticleFormat html = new HtmlFormat();
        this.formats = Map.of("md", text, "txt", text, "html", html, "htm", html, "pdf", new PdfFormat());
    }

    /**
     * Loads every article file under dir (recursively, sorted by relative path, hidden files/dirs skipped).
     *
     * @throws KnowledgeException when {@code dir} is not a folder or holds no usable article
     */
    public LoadedKnowledge load(Path dir) {
        return load(dir, KnowledgeSnapshot.none());
    }

    /**
     * Loads as {@link #load(Path)} does, taking from {@code snapshot} each article whose file has not changed since
     * it was read, instead of reading and parsing it again.
     *
     * @throws KnowledgeException when {@code dir} is not a folder or holds no usable article
     */
    public LoadedKnowledge load(Path dir, KnowledgeSnapshot snapshot) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            String problem = Files.exists(root) ? "is not a folder" : "does not exist";
            throw new KnowledgeException("knowledge folder " + root + " " + problem
                    + "; set knowledge.dir in config/cca-bot.yaml, CCA_KNOWLEDGE_DIR or --knowledge");
        }
        List<Article> articles = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Map<String, FileStamp> stamps = new HashMap<>();
        for (var entry : candidates(root).entrySet()) {
            String file = entry.getKey();
            FileStamp stamp = entry.getValue().stamp();
            try {
                // stamped before it is read: a change while it is read makes the next start read it again
                Optional<Article> kept = stamp == null ? Optional.empty() : snapshot.article(file, stamp);
                articles.add(kept.isPresent() ? kept.get() : parse(file, Files.readAllBytes(entry.getValue().path())));
                if (stamp != null) {
                    stamps.put(file, stamp);
                }
            } catch (IOException e) {
                skipped.add(skip(file, unreadable(e)));
            } catch (KnowledgeException e) {
                skipped.add(skip(file, e.getMessage()));
            }
        }
        if (articles.isEmpty()) {
            throw new KnowledgeException("no articles in " + root + ": add " + listed() + " files"
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " skipped, see the warnings above)"));
        }
        log.info("loaded {} articles from {}{}", articles.size(), root,
                skipped.isEmpty() ? "" : " (" + skipped.size() + " files skipped)");
        return new LoadedKnowledge(root, articles, skipped, stamps);
    }

    /**
     * Reads one knowledge file in the format its extension names.
     *
     * @param file    its path relative to the knowledge folder, with {@code /} separators
     * @param content its bytes
     * @throws KnowledgeException with the reason when the file cannot be used
     */
    public Article parse(String file, byte[] content) {
        ArticleFormat format = formats.get(extension(file));
        if (format == null) {
            throw new KnowledgeException("not an article file: the extension is not one of " + String.join(", ", EXTENSIONS));
        }
        return format.read(file, content);
    }

    /** The article files under {@code root} that are not hidden, by path relative to {@code root}. */
    public SortedMap<String, Path> files(Path root) {
        SortedMap<String, Path> files = new TreeMap<>();
        candidates(root.toAbsolutePath().normalize()).forEach((file, candidate) -> files.put(file, candidate.path()));
        return files;
    }

    /**
     * An article file found: where it is, and its stamp when it could be listed and had settled ({@code null}
     * otherwise: such a file is read at every start until it has).
     */
    private record Candidate(Path path, FileStamp stamp) {}

    /** Whether a file, by its name, is one this loader reads as an article. */
    public boolean isArticle(String file) {
        return isArticleFile(Path.of(file));
    }

    /** The article files under {@code root} that are not hidden, by relative path. */
    private SortedMap<String, Candidate> candidates(Path root) {
        SortedMap<String, Candidate> files = new TreeMap<>();
        long listed = FileStamp.now();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return !d.equals(root) && isHidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            // A link seen as a link although links are followed is broken: reading it
                            // then fails and reports it, rather than letting it vanish silently.
                            boolean readable = attrs.isRegularFile() || attrs.isSymbolicLink();
                            if (readable && !isHidden(f) && isArticleFile(f)) {
                                FileStamp stamp = attrs.isRegularFile() ? FileStamp.settled(attrs, listed) : null;
                                files.put(relative(root, f), new Candidate(f, stamp));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            // A file we cannot even list (a broken link, a loop, no permission) is still
                            // reported through the normal read, which fails with the precise reason.
                            if (!isHidden(f) && isArticleFile(f)) {
                                files.put(relative(root, f), new Candidate(f, null));
                            } else if (!isHidden(f)) {
                                log.warn("skipped {}: {}", relative(root, f), unreadable(e));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new KnowledgeException("cannot read knowledge folder " + root + ": " + unreadable(e));
        }
        return files;
    }

    private static SkippedFile skip(String file, String reason) {
        log.warn("skipped {}: {}", file, reason);
        return new SkippedFile(file, reason);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isArticleFile(Path path) {
        return EXTENSIONS.contains(extension(path.getFileName().toString()));
    }

    /** The extension of a file name, lower case and without the dot; empty when it has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || name.indexOf('/', dot) >= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** ".md, .txt, .html, .htm or .pdf" */
    private static String listed() {
        List<String> dotted = EXTENSIONS.stream().map(e -> "." + e).toList();
        return String.join(", ", dotted.subList(0, dotted.size() - 1)) + " or " + dotted.get(dotted.size() - 1);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String unreadable(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? "cannot read: " + type : "cannot read: " + type + ": " + e.getMessage();
    }
}
