package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleDownloaderTest {

    private static final String KHORGOS_FILE = "2024-09-10-khorgos-dry-port-moves-china-europe-containers-across-a.md";

    @TempDir
    Path dir;

    private final TestWebServer web = TestWebServer.start();

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void savesAPageAsMarkdownWithFrontMatterNamedByItsDateAndTitle() throws IOException {
        web.serve("/rail/khorgos", "text/html; charset=utf-8", TestArticles.khorgosPage());

        SavedArticle saved = downloader().add(web.url("/rail/khorgos"));

        assertThat(saved.file()).isEqualTo(dir.resolve(KHORGOS_FILE));
        assertThat(Files.readString(saved.file())).startsWith("""
                ---
                title: "Khorgos dry port moves China–Europe containers across a change of gauge"
                date: 2024-09-10
                source: "Steppe Freight Review"
                author: "Aigerim Sadykova"
                url: "%s"
                lang: "en"
                ---

                The Khorgos Gateway dry port lies on Kazakhstan's border with China""".formatted(web.url("/rail/khorgos")));
        assertThat(saved.article()).isEqualTo(new ArticleLoader().load(dir).articles().get(0));
        assertThat(saved.article().text().lines().filter(line -> !line.isBlank()).toList())
                .containsExactlyElementsOf(TestArticles.KHORGOS_TEXT);
        assertThat(filesIn(dir)).containsExactly(KHORGOS_FILE);
    }

    @Test
    void savesAPdfWithItsTitleAndDateAndTheHostAsSource() throws IOException {
        web.serve("/docs/qamchiq.pdf", "application/pdf", TestArticles.qamchiqPdf());

        SavedArticle saved = downloader().add(web.url("/docs/qamchiq.pdf"));

        Article article = saved.article();
        assertThat(article.file()).isEqualTo("2016-06-23-qamchiq-tunnel-joins-the-fergana-valley-to-uzbekistans-rail.md");
        assertThat(article.title()).isEqualTo(TestArticles.QAMCHIQ_TITLE);
        assertThat(article.date()).isEqualTo(LocalDate.of(2016, 6, 23));
        assertThat(article.outlet()).isEqualTo("127.0.0.1");
        assertThat(article.url()).isEqualTo(web.url("/docs/qamchiq.pdf").toString());
        assertThat(article.text()).contains("19.2 kilometres");
    }

    @Test
    void tellsAPdfAndAPageApartByTheirBytesWhenTheServerDoesNotSay() {
        web.serve("/file", "application/octet-stream", TestArticles.qamchiqPdf());
        web.serve("/page", null, TestArticles.khorgosPage());

        assertThat(downloader().add(web.url("/file")).article().title()).isEqualTo(TestArticles.QAMCHIQ_TITLE);
        assertThat(downloader().add(web.url("/page")).article().title()).isEqualTo(TestArticles.KHORGOS_TITLE);
    }

    @Test
    void followsUpToFiveRedirectsAndSavesTheAddressItEndedAt() {
        web.serve("/rail/khorgos", "text/html", TestArticles.khorgosPage());
        for (int i = 1; i <= 5; i++) {
            web.redirect("/r" + i, i == 5 ? "/rail/khorgos" : "/r" + (i + 1)); // relative, as servers often send
        }

        SavedArticle saved = downloader().add(web.url("/r1"));

        assertThat(saved.article().url()).isEqualTo(web.url("/rail/khorgos").toString());
        assertThat(web.requests()).containsExactly("/r1", "/r2", "/r3", "/r4", "/r5", "/rail/khorgos");
    }

    @Test
    void refusesASixthRedirect() {
        web.serve("/rail/khorgos", "text/html", TestArticles.khorgosPage());
        for (int i = 1; i <= 6; i++) {
            web.redirect("/r" + i, i == 6 ? web.url("/rail/khorgos").toString() : "/r" + (i + 1));
        }

        assertThatThrownBy(() -> downloader().add(web.url("/r1"))).isInstanceOf(DownloadException.class)
                .hasMessage("more than 5 redirects");
        assertThat(web.requests()).doesNotContain("/rail/khorgos");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void refusesThisMachineAndPrivateNetworksUnlessAllowedWithoutConnecting() {
        web.serve("/rail/khorgos", "text/html", TestArticles.khorgosPage());
        ArticleDownloader publicOnly = new ArticleDownloader(dir, false);

        assertThatThrownBy(() -> publicOnly.add(web.url("/rail/khorgos"))).isInstanceOf(DownloadException.class)
                .hasMessage("127.0.0.1, a private address (127.0.0.1): only public addresses can be added unless"
                        + " knowledge.allow-private-urls is true");
        assertThatThrownBy(() -> publicOnly.add(URI.create("http://localhost:" + web.port() + "/rail/khorgos")))
                .hasMessageStartingWith("localhost, a private address");
        assertThatThrownBy(() -> publicOnly.add(URI.create("http://[::1]:" + web.port() + "/")))
                .hasMessageContaining("a private address");
        assertThat(web.requests()).isEmpty();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void checksWhereEachRedirectLeadsBeforeFollowingIt() {
        // only the test's own server counts as public here, so that a redirect from it can be refused
        ArticleDownloader downloader = new ArticleDownloader(dir,
                address -> !address.getHostAddress().equals("127.0.0.1"), ArticleDownloader.TIMEOUT);
        web.redirect("/short", "http://10.20.30.40:" + web.port() + "/admin");

        assertThatThrownBy(() -> downloader.add(web.url("/short"))).isInstanceOf(DownloadException.class)
                .hasMessage("a redirect leads to 10.20.30.40, a private address (10.20.30.40): only public addresses"
                        + " can be added unless knowledge.allow-private-urls is true");
        assertThat(web.requests()).containsExactly("/short");
    }

    @Test
    void refusesSchemesOtherThanHttpAndHttps() {
        assertThatThrownBy(() -> downloader().add(URI.create("ftp://127.0.0.1/article.pdf")))
                .isInstanceOf(DownloadException.class).hasMessage("only http and https URLs can be added, not ftp:");
        assertThatThrownBy(() -> downloader().add(URI.create("file:///etc/passwd")))
                .isInstanceOf(DownloadException.class).hasMessage("only http and https URLs can be added, not file:");
        assertThatThrownBy(() -> downloader().add(URI.create("khorgos.html")))
                .isInstanceOf(DownloadException.class).hasMessage("only http and https URLs can be added, not 'khorgos.html'");
        assertThatThrownBy(() -> downloader().add(URI.create("http://reader:secret@127.0.0.1/article.html")))
                .isInstanceOf(DownloadException.class).hasMessage("a URL with a user name or password is not accepted");
        web.redirect("/to-file", "file:///etc/passwd");
        assertThatThrownBy(() -> downloader().add(web.url("/to-file"))).hasMessage("only http and https URLs can be added, not file:");
    }

    @Test
    void refusesAnswersLargerThanFiveMegabytesWhetherAnnouncedOrNot() {
        byte[] large = ("<html><body><article><p>" + "Containers cross at Khorgos. ".repeat(220_000) + "</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        web.serve("/announced", "text/html", large);
        web.serveChunked("/unannounced", "text/html", large);

        assertThatThrownBy(() -> downloader().add(web.url("/announced"))).isInstanceOf(DownloadException.class)
                .hasMessage("larger than 5 MB");
        assertThatThrownBy(() -> downloader().add(web.url("/unannounced"))).isInstanceOf(DownloadException.class)
                .hasMessage("larger than 5 MB");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void refusesWhatIsNeitherAPageNorAPdf() {
        web.serve("/photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        web.serve("/data", "application/json", "{\"title\": \"not an article\"}");
        web.serve("/mystery", null, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> downloader().add(web.url("/photo.png"))).isInstanceOf(DownloadException.class)
                .hasMessage("not an HTML page or PDF: image/png");
        assertThatThrownBy(() -> downloader().add(web.url("/data"))).hasMessage("not an HTML page or PDF: application/json");
        assertThatThrownBy(() -> downloader().add(web.url("/mystery")))
                .hasMessage("not an HTML page or PDF: the server did not say what it sent");
    }

    @Test
    void refusesAPageWithoutArticleTextAndABrokenPdf() {
        web.serve("/rail", "text/html", TestArticles.indexPage());
        web.serve("/broken.pdf", "application/pdf", java.util.Arrays.copyOf(TestArticles.qamchiqPdf(), 300));

        assertThatThrownBy(() -> downloader().add(web.url("/rail"))).isInstanceOf(DownloadException.class)
                .hasMessage("no article text found (a navigation or index page?)");
        assertThatThrownBy(() -> downloader().add(web.url("/broken.pdf"))).isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("not a readable PDF");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void reportsWhatTheServerAnsweredAndAServerThatCannotBeReached() throws IOException {
        web.status("/gone", 410);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> downloader().add(web.url("/missing"))).hasMessage("the server answered 404");
        assertThatThrownBy(() -> downloader().add(web.url("/gone"))).hasMessage("the server answered 410");
        assertThatThrownBy(() -> downloader().add(URI.create("http://127.0.0.1:" + closedPort + "/x")))
                .isInstanceOf(DownloadException.class).hasMessage("cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() {
        web.stall("/slow");
        ArticleDownloader impatient = new ArticleDownloader(dir, address -> false, Duration.ofMillis(300));

        long begin = System.nanoTime();
        assertThatThrownBy(() -> impatient.add(web.url("/slow"))).isInstanceOf(DownloadException.class)
                .hasMessage("no answer from 127.0.0.1 within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void saysSoWhenTheArticleWasAddedBeforeEvenThroughARedirect() {
        web.serve("/rail/khorgos", "text/html", TestArticles.khorgosPage());
        web.redirect("/short", "/rail/khorgos#top");
        downloader().add(web.url("/rail/khorgos"));

        assertThatThrownBy(() -> downloader().add(web.url("/rail/khorgos#comments"))).isInstanceOf(DownloadException.class)
                .hasMessage("already added: " + KHORGOS_FILE + " is the article at " + web.url("/rail/khorgos"));
        assertThatThrownBy(() -> downloader().add(web.url("/short"))).hasMessageStartingWith("already added: " + KHORGOS_FILE);
        assertThat(web.requests()).containsExactly("/rail/khorgos", "/short", "/rail/khorgos");
        assertThat(filesIn(dir)).containsExactly(KHORGOS_FILE);
    }

    @Test
    void neverOverwritesAnotherArticleOfTheSameName() throws IOException {
        Files.writeString(dir.resolve(KHORGOS_FILE), "---\ntitle: Someone else's notes\n---\nMine.\n");
        web.serve("/rail/khorgos", "text/html", TestArticles.khorgosPage());

        SavedArticle saved = downloader().add(web.url("/rail/khorgos"));

        assertThat(saved.file().getFileName().toString()).isEqualTo(KHORGOS_FILE.replace(".md", "-2.md"));
        assertThat(Files.readString(dir.resolve(KHORGOS_FILE))).isEqualTo("---\ntitle: Someone else's notes\n---\nMine.\n");
        assertThat(filesIn(dir)).hasSize(2);
    }

    @Test
    void needsTheKnowledgeFolderToExist() {
        web.serve("/rail/khorgos", "text/html", TestArticles.khorgosPage());
        ArticleDownloader nowhere = new ArticleDownloader(dir.resolve("missing"), true);

        assertThatThrownBy(() -> nowhere.add(web.url("/rail/khorgos"))).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("does not exist");
        assertThat(web.requests()).isEmpty();
    }

    /** This machine is where the test's web server is: allowed, as knowledge.allow-private-urls allows it. */
    private ArticleDownloader downloader() {
        return new ArticleDownloader(dir, true);
    }

    private static List<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
