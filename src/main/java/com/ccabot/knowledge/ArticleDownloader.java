package com.ccabot.knowledge;

import com.ccabot.knowledge.UrlFetcher.Fetched;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds an article to the knowledge folder from a URL: downloads an HTML page or a PDF, extracts the article as the
 * loader does from a file, and saves it as a Markdown file with front matter, named by its date and title.
 *
 * <p>Only http and https URLs, answers of at most {@value #MAX_MEGABYTES} MB, at most
 * {@value UrlFetcher#MAX_REDIRECTS} redirects; unless private addresses are allowed, every address a URL's host
 * resolves to, at every redirect, must be public ({@link PrivateAddresses}). A file already in the folder is never
 * overwritten, and a URL already added is not added again.
 */
public final class ArticleDownloader {

    public static final int MAX_MEGABYTES = 5;
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ArticleDownloader.class);
    private static final int MAX_NAME_TRIES = 100;

    private final Path dir;
    private final UrlFetcher fetcher;
    private final HtmlFormat html = new HtmlFormat();
    private final PdfFormat pdf = new PdfFormat();
    private final TextFormat markdown = new TextFormat();
    private final FrontMatterParser frontMatterParser = new FrontMatterParser();

    /**
     * Creates a downloader into the knowledge folder {@code dir}.
     *
     * @param allowPrivateAddresses whether URLs may lead to this machine or the local network (setting
     *                              {@code knowledge.allow-private-urls})
     */
    public ArticleDownloader(Path dir, boolean allowPrivateAddresses) {
        this(dir, allowPrivateAddresses ? address -> false : PrivateAddresses::contains, TIMEOUT);
    }

    /** A downloader that refuses the addresses {@code refused} matches and waits {@code timeout} for each answer. */
    ArticleDownloader(Path dir, Predicate<InetAddress> refused, Duration timeout) {
        this.dir = dir.toAbsolutePath().normalize();
        this.fetcher = new UrlFetcher(refused, timeout, MAX_MEGABYTES * 1024L * 1024L, MAX_MEGABYTES + " MB");
    }

    /**
     * Downloads the article at {@code url} and saves it into the knowledge folder.
     *
     * @throws DownloadException  when the URL is refused, the download fails, the answer is no HTML page or PDF or
     *                            holds no article, or the URL was added before
     * @throws KnowledgeException when the knowledge folder does not exist
     */
    public SavedArticle add(URI url) {
        URI requested = UrlFetcher.checked(url);
        if (!Files.isDirectory(dir)) {
            throw new KnowledgeException("knowledge folder " + dir + " does not exist; create it, or set knowledge.dir"
                    + " in config/cca-bot.yaml, CCA_KNOWLEDGE_DIR or --knowledge");
        }
        Map<String, String> added = addedUrls();
        refuseIfAdded(added, requested);
        Fetched fetched = fetcher.fetch(requested);
        refuseIfAdded(added, fetched.url());
        Article article = extract(fetched);
        SavedArticle saved = save(article);
        log.info("added {} from {}", saved.article().file(), fetched.url());
        return saved;
    }

    /** The article in what was fetched, read as HTML or PDF by what the server says it sent, or what it looks like. */
    private Article extract(Fetched fetched) {
        Article article;
        try {
            article = switch (kind(fetched)) {
                case HTML -> html.read(fileName(fetched.url()), fetched.body(), fetched.url().toString(), fetched.charset());
                case PDF -> pdf.read(fileName(fetched.url()), fetched.body());
            };
        } catch (KnowledgeException e) {
            throw new DownloadException(e.getMessage());
        }
        // the address it was fetched from is where it is: a page's own og:url is sometimes its site's home page
        String outlet = article.outlet() != null ? article.outlet() : fetched.url().getHost().replaceFirst("^www\\.", "");
        return new Article(article.file(), article.title(), article.date(), outlet, article.author(),
                fetched.url().toString(), article.lang(), article.text());
    }

    private enum Kind { HTML, PDF }

    private static Kind kind(Fetched fetched) {
        String type = fetched.mediaType();
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return Kind.HTML;
        }
        if (type.equals("application/pdf") || type.equals("application/x-pdf")) {
            return Kind.PDF;
        }
        if (type.isEmpty() || type.equals("application/octet-stream") || type.equals("binary/octet-stream")) {
            byte[] body = fetched.body();
            String head = new String(body, 0, Math.min(1024, body.length), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            String path = fetched.url().getPath() == null ? "" : fetched.url().getPath().toLowerCase(Locale.ROOT);
            if (head.startsWith("%pdf-")) {
                return Kind.PDF;
            }
            if (head.contains("<html") || head.contains("<!doctype html")) {
                return Kind.HTML;
            }
            if (path.endsWith(".pdf")) {
                return Kind.PDF;
            }
            if (path.endsWith(".html") || path.endsWith(".htm")) {
                return Kind.HTML;
            }
        }
        throw new DownloadException("not an HTML page or PDF: " + (type.isEmpty() ? "the server did not say what it sent" : type));
    }

    /** The last segment of the URL's path, where a title or date of last resort may come from. */
    private static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() || last.startsWith(".") ? url.getHost() : last;
    }

    /** Writes the article as Markdown under a free name, and reads it back as the loader will. */
    private SavedArticle save(Article article) {
        String name = FileName.forArticle(article.date(), article.title());
        byte[] content = TextFormat.markdown(article).getBytes(StandardCharsets.UTF_8);
        Path partial = null;
        try {
            partial = Files.createTempFile(dir, ".adding-", ".part"); // hidden: the loader passes it by
            Files.write(partial, content);
            for (int i = 1; i <= MAX_NAME_TRIES; i++) {
                String candidate = i == 1 ? name : name.replaceFirst("\\.md$", "-" + i + ".md");
                try {
                    Path file = dir.resolve(candidate);
                    Files.move(partial, file); // without REPLACE_EXISTING: never over another file
                    return new SavedArticle(file, markdown.read(candidate, content));
                } catch (FileAlreadyExistsException e) {
                    // another article has this name: try the next
                }
            }
            throw new DownloadException("no free file name for " + name + " in " + dir);
        } catch (IOException e) {
            throw new DownloadException("cannot save the article into " + dir + ": " + e.getMessage());
        } finally {
            deleteIfLeft(partial);
        }
    }

    /** The URLs in the front matter of the folder's Markdown files, as compared, each with its file. */
    private Map<String, String> addedUrls() {
        Map<String, String> urls = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).toList()) {
                String relative = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (relative.startsWith(".") || relative.contains("/.")) {
                    continue; // hidden, as the loader has it
                }
                try {
                    String url = frontMatterParser.parse(ArticleText.decode(Files.readAllBytes(file))).get("url");
                    if (url != null) {
                        urls.putIfAbsent(comparable(url), relative);
                    }
                } catch (KnowledgeException | IOException e) {
                    // a file the loader skips has no URL that counts
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new KnowledgeException("cannot read the knowledge folder " + dir + ": " + e.getMessage());
        }
        return urls;
    }

    private static void refuseIfAdded(Map<String, String> added, URI url) {
        String file = added.get(comparable(url.toString()));
        if (file != null) {
            throw new DownloadException("already added: " + file + " is the article at " + url);
        }
    }

    /** A URL as compared with others: scheme and host in lower case, without a default port or a fragment. */
    static String comparable(String url) {
        try {
            URI uri = new URI(url.strip()).normalize();
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.strip();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    private static void deleteIfLeft(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.getMessage());
        }
    }
}
