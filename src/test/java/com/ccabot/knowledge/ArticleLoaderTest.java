package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ArticleLoaderTest {

    private final ArticleLoader loader = new ArticleLoader();
    private final Logger loaderLog = (Logger) LoggerFactory.getLogger(ArticleLoader.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @TempDir
    Path dir;

    @BeforeEach
    void captureLogs() {
        logs.start();
        loaderLog.addAppender(logs);
        loaderLog.setAdditive(false); // keep the expected warnings out of the build output
    }

    @AfterEach
    void releaseLogs() {
        loaderLog.detachAppender(logs);
        loaderLog.setAdditive(true);
    }

    @Test
    void loadsTheFiveRawSeedsWithTitlesAndDatesFromTheirFirstLines() {
        LoadedKnowledge knowledge = loader.load(TestFiles.resource("seeds"));

        assertThat(knowledge.skipped()).isEmpty();
        assertThat(knowledge.articles()).extracting(Article::file).containsExactly(
                "000_88bcdc0d2b6898eb.txt", "001_7f7d00b2eb1b738a.txt", "002_2e7ce9cf5fe6ab4a.txt",
                "003_d6085bd77a1583c8.txt", "004_2fb487ef2b9a82c1.txt");
        Article poverty = knowledge.articles().get(0);
        assertThat(poverty.date()).isEqualTo(LocalDate.of(2025, 7, 22));
        assertThat(poverty.title()).isEqualTo(
                "China-Central Asia cooperation centers on poverty reduction, education exchange inaugurated in Xinjiang");
        assertThat(poverty.text()).startsWith("Chen Xiaojiang").doesNotContain("date 2025-07-22");
        Article briefing = knowledge.articles().get(2);
        assertThat(briefing.date()).isEqualTo(LocalDate.of(2025, 6, 19));
        assertThat(briefing.title()).startsWith("Xi's attendance at 2nd China-Central Asia Summit");
        Article forum = knowledge.articles().get(4);
        assertThat(forum.title()).isEqualTo("Forum lauds enhanced China-Central Asia ties");
        assertThat(forum.date()).isNull();
    }

    @Test
    void titlesALongFirstLineWithItsFirstSentenceCutAtAWord() {
        List<Article> articles = loader.load(TestFiles.resource("seeds")).articles();
        Article alliance = articles.get(1);
        Article interview = articles.get(3);

        assertThat(alliance.title()).startsWith("Shiliuyun-Xinjiang Daily (Reporter Zhao Xiya) news: On May 12, 2025")
                .endsWith("…").hasSizeLessThanOrEqualTo(120);
        assertThat(interview.title()).startsWith("The second China-Central Asia Summit concluded on Tuesday in Astana")
                .endsWith("…").hasSizeLessThanOrEqualTo(120);
        assertThat(interview.text()).startsWith("The second China-Central Asia Summit concluded");
    }

    @Test
    void readsFrontMatterOfTheShippedArticles() {
        LoadedKnowledge knowledge = loader.load(TestFiles.resource("knowledge"));

        assertThat(knowledge.skipped()).isEmpty();
        assertThat(knowledge.articles()).hasSize(5);
        Article astana = find(knowledge, "2025-06-19-astana-summit-wang-yi-briefing.md");
        assertThat(astana.outlet()).isEqualTo("Xinhua");
        assertThat(astana.date()).isEqualTo(LocalDate.of(2025, 6, 19));
        assertThat(astana.title()).startsWith("Xi's attendance");
        assertThat(astana.text()).startsWith("Xinhua) 08:09, June 19, 2025").doesNotContain("---");
        Article cgtn = find(knowledge, "cgtn-interview-summit-outcomes.md");
        assertThat(cgtn.outlet()).isEqualTo("CGTN");
        assertThat(cgtn.date()).isNull();
        assertThat(cgtn.title()).isEqualTo("Expert interview: what the second China-Central Asia Summit outcomes mean");
        Article alliance = find(knowledge, "2025-05-12-industry-education-integration-alliance.md");
        assertThat(alliance.author()).isEqualTo("Zhao Xiya");
        assertThat(alliance.outlet()).isEqualTo("Shiliuyun-Xinjiang Daily");
    }

    @Test
    void splitsTheShippedArticlesWithoutBreakingAbbreviationsOrInitials() {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = loader.load(TestFiles.resource("knowledge")).articles().stream()
                .flatMap(article -> splitter.split(article.text()).stream())
                .toList();

        assertThat(sentences).isNotEmpty().allSatisfy(sentence -> {
            assertThat(Character.isLowerCase(sentence.charAt(0))).as(sentence).isFalse();
            assertThat(sentence).doesNotEndWith("Aug.").doesNotEndWith(" R.").doesNotEndWith("i.e.");
        });
        assertThat(sentences)
                .contains("The conversations have been lightly edited for clarity and conciseness.")
                .anyMatch(s -> s.startsWith("Rahim R. Hakimov, deputy speaker"))
                .anyMatch(s -> s.contains("from Aug 31 to Sept 1 and the Global Leaders' Meeting"));
    }

    @Test
    void loadsGoodFilesAndSkipsEachBadOneWithOneWarningNamingIt() throws IOException {
        write("good.md", "---\ntitle: Good one\ndate: 2025-06-19\nsource: Xinhua\n---\nLeaders met in Astana.\n");
        write("sub/x.md", "# Nested article\n\nIt sits in a sub folder.\n");
        write("crlf.txt", bytes("\uFEFF date 2025-05-12 With BOM and CRLF\r\n\r\nLine one.\r\nLine two.\rLine three.\r\n"));
        write("data.json", "{\"not\": \"an article\"}");
        write(".hidden.md", "Hidden articles are ignored.");
        write(".drafts/draft.md", "Hidden folders are ignored.");
        write("empty.md", "");
        write("blank.txt", "  \n\t\n  ");
        write("image.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
        write("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xC3, 0x28, '\n'});
        write("bad-yaml.md", "---\ntitle: [unclosed\n---\nText.\n");
        write("unclosed.md", "---\ntitle: Never closed\nText without the closing line.\n");
        write("bad-date.md", "---\ntitle: Bad date\ndate: June 19\n---\nText.\n");
        write("only-front-matter.md", "---\ntitle: Nothing else\n---\n\n");

        LoadedKnowledge knowledge = loader.load(dir);

        assertThat(knowledge.dir()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(knowledge.articles()).extracting(Article::file).containsExactly("crlf.txt", "good.md", "sub/x.md");
        assertThat(knowledge.skipped()).extracting(SkippedFile::file, SkippedFile::reason).containsExactly(
                tuple("bad-date.md", "front matter: date 'June 19' is not YYYY-MM-DD"),
                tuple("bad-yaml.md", knowledge.skipped().get(1).reason()),
                tuple("blank.txt", "empty"),
                tuple("empty.md", "empty"),
                tuple("image.md", "binary, not text"),
                tuple("latin1.txt", "not valid UTF-8"),
                tuple("only-front-matter.md", "empty"),
                tuple("unclosed.md", "front matter is not closed by ---"));
        assertThat(knowledge.skipped().get(1).reason()).startsWith("front matter is not valid YAML: ").doesNotContain("\n").hasSizeLessThan(200);
        assertThat(warnings()).containsExactlyElementsOf(knowledge.skipped().stream()
                .map(s -> "skipped " + s.file() + ": " + s.reason()).toList());
    }

    @Test
    void readsAFileWithBomAndWindowsLineEnds() {
        Article article = loader.parse("2025-05-12-news.txt",
                bytes("\uFEFF---\r\ntitle: Alliance set up\r\n---\r\nFirst line.\r\nSecond line.\r\n"));

        assertThat(article.title()).isEqualTo("Alliance set up");
        assertThat(article.text()).isEqualTo("First line.\nSecond line.").doesNotContain("\r");
        assertThat(article.date()).isEqualTo(LocalDate.of(2025, 5, 12));
    }

    @Test
    void takesTheDateLineAndTitleOfARawFileAndDropsThatLine() {
        Article article = loader.parse("sub/raw.txt", bytes("\uFEFF date 2025-05-12 With BOM and CRLF\r\n\r\nLine one.\r\n"));

        assertThat(article.file()).isEqualTo("sub/raw.txt");
        assertThat(article.title()).isEqualTo("With BOM and CRLF");
        assertThat(article.date()).isEqualTo(LocalDate.of(2025, 5, 12));
        assertThat(article.text()).isEqualTo("Line one.");
    }

    @Test
    void takesTheDateOfADateLineWithoutTitleAndTheTitleFromTheHeadingAfterIt() {
        Article article = loader.parse("a.md", bytes("Date: 2025-07-22\n\n#   The   centers  open\nThey opened."));

        assertThat(article.date()).isEqualTo(LocalDate.of(2025, 7, 22));
        assertThat(article.title()).isEqualTo("The centers open");
        assertThat(article.text()).isEqualTo("They opened.");
    }

    @Test
    void takesTheTitleFromAHeadingAndRemovesIt() {
        Article article = loader.parse("a.md", bytes("\n# Forum lauds ties #\n\nThe forum met.\n"));

        assertThat(article.title()).isEqualTo("Forum lauds ties");
        assertThat(article.text()).isEqualTo("The forum met.");
    }

    @Test
    void keepsAShortFirstLineInTheTextWhenItIsTheTitle() {
        Article article = loader.parse("a.txt", bytes("Forum lauds ties\n\nThe forum met."));

        assertThat(article.title()).isEqualTo("Forum lauds ties");
        assertThat(article.text()).isEqualTo("Forum lauds ties\n\nThe forum met.");
    }

    @Test
    void fallsBackToTheFileNameForTheTitleAndDate() {
        Article article = loader.parse("2025-05-12-industry_education-alliance.md", bytes("#\n\nThe alliance was set up."));

        assertThat(article.title()).isEqualTo("Industry education alliance");
        assertThat(article.date()).isEqualTo(LocalDate.of(2025, 5, 12));
    }

    @Test
    void ignoresAFileNameDateThatDoesNotExist() {
        assertThat(loader.parse("2025-13-40-odd.md", bytes("Some text.")).date()).isNull();
    }

    @Test
    void prefersTheFrontMatterDateAndReadsEveryField() {
        Article article = loader.parse("2020-01-01-x.md", bytes("""
                ---
                title: "  Spaced title  "
                date: 2025-06-19
                source: Xinhua
                author: Wang Yi
                url: https://example.org/a
                lang: en
                tags: [ignored]
                ---
                Body.
                """));

        assertThat(article).isEqualTo(new Article("2020-01-01-x.md", "Spaced title", LocalDate.of(2025, 6, 19),
                "Xinhua", "Wang Yi", "https://example.org/a", "en", "Body."));
    }

    @Test
    void treatsBlankFrontMatterValuesAsMissing() {
        Article article = loader.parse("x.md", bytes("---\ntitle: \"\"\nsource:\n...\nFirst line here.\n"));

        assertThat(article.outlet()).isNull();
        assertThat(article.title()).isEqualTo("First line here.");
    }

    @Test
    void rejectsFrontMatterThatIsNotAMapping() {
        assertThatThrownBy(() -> loader.parse("x.md", bytes("---\n- a\n- b\n---\nText.")))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageStartingWith("front matter is not a mapping");
    }

    @Test
    void rejectsAFrontMatterDateThatDoesNotExist() {
        assertThatThrownBy(() -> loader.parse("x.md", bytes("---\ndate: 2025-13-40\n---\nText.")))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("2025-13-40");
    }

    @Test
    void reportsAMissingFolderWithTheSettingsThatNameIt() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(KnowledgeException.class)
                .hasMessage("knowledge folder " + missing.toAbsolutePath() + " does not exist;"
                        + " set knowledge.dir in config/cca-bot.yaml, CCA_KNOWLEDGE_DIR or --knowledge");
    }

    @Test
    void reportsAFolderWithoutArticles() throws IOException {
        write("notes.json", "{}");

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOf(KnowledgeException.class)
                .hasMessage("no articles in " + dir.toAbsolutePath() + ": add .md, .txt, .html, .htm or .pdf files");
    }

    @Test
    void reportsAFolderWhoseEveryFileIsBadWithTheSkippedCount() throws IOException {
        write("a.md", "");
        write("b.txt", " ");

        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageStartingWith("no articles in " + dir.toAbsolutePath() + ": add .md, .txt, .html, .htm or .pdf files")
                .hasMessageContaining("2 skipped");
        assertThat(warnings()).containsExactly("skipped a.md: empty", "skipped b.txt: empty");
    }

    @Test
    void skipsAFileThatCannotBeReadWithTheReason() throws IOException {
        write("good.md", "Leaders met in Astana.");
        Files.createSymbolicLink(dir.resolve("dangling.md"), dir.resolve("gone.md"));

        LoadedKnowledge knowledge = loader.load(dir);

        assertThat(knowledge.articles()).extracting(Article::file).containsExactly("good.md");
        assertThat(knowledge.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.file()).isEqualTo("dangling.md");
            assertThat(skipped.reason()).startsWith("cannot read: NoSuchFileException");
        });
        assertThat(warnings()).singleElement().asString().startsWith("skipped dangling.md: cannot read");
    }

    @Test
    void titlesALongFirstLineWithItsFirstSentenceWhenThatIsShort() {
        String first = "Leaders met in Astana on Tuesday. " + "They agreed on many things, ".repeat(6) + "and left.";

        Article article = loader.parse("a.txt", bytes(first + "\nMore text."));

        assertThat(article.title()).isEqualTo("Leaders met in Astana on Tuesday.");
        assertThat(article.text()).startsWith(first);
    }

    @Test
    void acceptsExtensionsInAnyCase() throws IOException {
        write("UPPER.MD", "Upper case extension.");
        write("Mixed.Txt", "Mixed case extension.");

        assertThat(loader.load(dir).articles()).extracting(Article::file).containsExactly("Mixed.Txt", "UPPER.MD");
    }

    @Test
    void loadsMarkdownHtmlAndPdfTogetherAndSkipsABrokenOrLockedPdfWithAWarningNamingIt() throws IOException {
        write("2025-06-19-note.md", "---\ntitle: A note\n---\nLeaders met in Astana.\n");
        write("web/khorgos.html", TestArticles.khorgosPage());
        write("web/rail-index.htm", TestArticles.indexPage());
        write("pdf/qamchiq.PDF", TestArticles.qamchiqPdf());
        write("pdf/broken.pdf", java.util.Arrays.copyOf(TestArticles.qamchiqPdf(), 400));
        write("pdf/locked.pdf", TestPdfs.encrypted("secret", TestArticles.qamchiqBlocks(true)));

        LoadedKnowledge knowledge = loader.load(dir);

        assertThat(knowledge.articles()).extracting(Article::file, Article::title).containsExactly(
                tuple("2025-06-19-note.md", "A note"),
                tuple("pdf/qamchiq.PDF", TestArticles.QAMCHIQ_TITLE),
                tuple("web/khorgos.html", TestArticles.KHORGOS_TITLE));
        assertThat(find(knowledge, "web/khorgos.html").outlet()).isEqualTo(TestArticles.KHORGOS_OUTLET);
        assertThat(find(knowledge, "pdf/qamchiq.PDF").text()).contains("19.2 kilometres");
        assertThat(knowledge.skipped()).extracting(SkippedFile::file).containsExactly(
                "pdf/broken.pdf", "pdf/locked.pdf", "web/rail-index.htm");
        assertThat(warnings()).containsExactly(
                "skipped pdf/broken.pdf: " + knowledge.skipped().get(0).reason(),
                "skipped pdf/locked.pdf: encrypted PDF: it needs a password to open",
                "skipped web/rail-index.htm: no article text found (a navigation or index page?)");
        assertThat(knowledge.skipped().get(0).reason()).startsWith("not a readable PDF");
    }

    private List<String> warnings() {
        return logs.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Article find(LoadedKnowledge knowledge, String file) {
        return knowledge.articles().stream().filter(a -> a.file().equals(file)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void write(String file, String text) throws IOException {
        write(file, bytes(text));
    }

    private void write(String file, byte[] content) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
    }
}
