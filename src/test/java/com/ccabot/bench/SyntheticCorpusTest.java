package com.ccabot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ccabot.bench.SyntheticCorpus.Entry;
import com.ccabot.bench.SyntheticCorpus.Kind;
import com.ccabot.bench.SyntheticCorpus.Recipe;
import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import com.ccabot.knowledge.LoadedKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {

    private static final Path REAL = Path.of("src/test/resources/knowledge");
    private static final Recipe SMALL = new Recipe(300, SyntheticCorpus.DEFAULT_SEED, 500);

    @TempDir
    Path work;

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
        SyntheticCorpus.write(REAL, work.resolve("a"), SMALL);
        SyntheticCorpus.write(REAL, work.resolve("b"), SMALL);
        SyntheticCorpus.write(REAL, work.resolve("c"), new Recipe(300, 12, 500));

        assertThat(contents(work.resolve("b"))).isEqualTo(contents(work.resolve("a")));
        assertThat(contents(work.resolve("c")).keySet()).isNotEqualTo(contents(work.resolve("a")).keySet());
    }

    @Test
    void holdsTheRequestedNumberOfChunksWithinATenth() {
        for (int chunks : new int[] {150, 300, 1200}) {
            SyntheticCorpus corpus = SyntheticCorpus.write(REAL, work.resolve("n" + chunks), new Recipe(chunks, 5, 500));

            LoadedKnowledge loaded = new ArticleLoader().load(corpus.dir());
            int counted = loaded.articles().stream().mapToInt(article -> new Chunker(500).chunk(article).size()).sum();
            assertThat(counted).isEqualTo(corpus.chunks()).isBetween(chunks * 9 / 10, chunks * 11 / 10);
        }
    }

    @Test
    void holdsTheRealArticlesUnchangedAmongNearCopiesOfThemAndUnrelatedNews() throws IOException {
        SyntheticCorpus corpus = SyntheticCorpus.write(REAL, work.resolve("corpus"), SMALL);

        try (Stream<Path> real = Files.list(REAL)) {
            for (Path file : real.toList()) {
                assertThat(corpus.dir().resolve(file.getFileName())).hasSameBinaryContentAs(file);
            }
        }
        assertThat(corpus.count(Kind.REAL)).isEqualTo(5);
        assertThat(corpus.count(Kind.UNRELATED)).isPositive();
        assertThat(corpus.count(Kind.COOPERATION)).isGreaterThan(corpus.count(Kind.UNRELATED));
        assertThat(corpus.count(Kind.NEAR_COPY)).isPositive();

        Map<String, Article> articles = articlesByFile(corpus.dir());
        for (Entry copy : corpus.entries().stream().filter(entry -> entry.kind() == Kind.NEAR_COPY).toList()) {
            Article original = articles.get(copy.copyOf());
            Article near = articles.get(copy.file());
            assertThat(near.text()).as(copy.file()).isNotEqualTo(original.text());
            assertThat(sharedWords(near.text(), original.text())).as(copy.file()).isGreaterThan(0.5);
            assertThat(near.outlet()).isNotEqualTo(original.outlet());
            if (original.date() != null) {
                assertThat(near.date()).as(copy.file()).isAfter(original.date());
            }
        }
    }

    @Test
    void nearCopiesAreOtherOutletsVersionsAndFollowUpsWithOtherFigures() {
        SyntheticCorpus corpus = SyntheticCorpus.write(REAL, work.resolve("corpus"), new Recipe(1200, 3, 500));

        Map<String, Article> articles = articlesByFile(corpus.dir());
        var copies = corpus.entries().stream().filter(entry -> entry.kind() == Kind.NEAR_COPY)
                .map(entry -> articles.get(entry.file())).toList();
        assertThat(copies).anyMatch(article -> article.text().contains("follow-up") || article.text().contains("reported on"));
        assertThat(copies).anyMatch(article -> !article.title().startsWith("Follow-up") && !article.title().startsWith("Update"));
        assertThat(NearCopy.otherFigures("about 4,500 enterprises, 8.9 percent, in 2024 and 2025", 0,
                new java.util.SplittableRandom(1)))
                .doesNotContain("4,500").doesNotContain("8.9").contains("2024 and 2025").containsPattern("\\d,\\d{3} enterprises");
    }

    @Test
    void everyFileLoadsWithATitleDateAndOutletAndNoneIsSkipped() {
        SyntheticCorpus corpus = SyntheticCorpus.write(REAL, work.resolve("corpus"), SMALL);

        LoadedKnowledge loaded = new ArticleLoader().load(corpus.dir());
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.articles()).hasSize(corpus.entries().size());
        Map<String, Article> articles = articlesByFile(corpus.dir());
        corpus.entries().stream().filter(entry -> entry.kind() != Kind.REAL).forEach(entry -> {
            Article article = articles.get(entry.file());
            boolean undatedOriginal = !entry.copyOf().isEmpty() && articles.get(entry.copyOf()).date() == null;
            assertThat(article.date() != null || undatedOriginal).as(entry.file()).isTrue();
            assertThat(article.outlet()).as(entry.file()).isNotBlank();
            assertThat(article.url()).as(entry.file()).startsWith("https://").endsWith(".html");
            assertThat(article.title()).as(entry.file()).doesNotContain("{");
            assertThat(article.text()).as(entry.file()).doesNotContain("{", "}");
        });
    }

    @Test
    void aPreparedCorpusIsReusedForTheSameRecipeAndRealArticles() throws IOException {
        SyntheticCorpus first = SyntheticCorpus.prepare(REAL, work, SMALL);
        SyntheticCorpus again = SyntheticCorpus.prepare(REAL, work, SMALL);
        SyntheticCorpus other = SyntheticCorpus.prepare(REAL, work, new Recipe(300, 12, 500));

        assertThat(first.reused()).isFalse();
        assertThat(again.reused()).isTrue();
        assertThat(again.dir()).isEqualTo(first.dir());
        assertThat(again.entries()).isEqualTo(first.entries());
        assertThat(other.reused()).isFalse();
        assertThat(other.dir()).isNotEqualTo(first.dir());
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void refusesFewerChunksThanTheRealArticlesMake() {
        assertThatThrownBy(() -> SyntheticCorpus.write(REAL, work.resolve("tiny"), new Recipe(20, 1, 500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the 20 asked for");
    }

    private static Map<String, Article> articlesByFile(Path dir) {
        Map<String, Article> articles = new TreeMap<>();
        new ArticleLoader().load(dir).articles().forEach(article -> articles.put(article.file(), article));
        return articles;
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return contents;
    }

    /** The share of the copy's distinct words that the original holds too. */
    private static double sharedWords(String copy, String original) {
        var originalWords = new java.util.HashSet<>(java.util.List.of(original.toLowerCase().split("\\W+")));
        var copyWords = new java.util.HashSet<>(java.util.List.of(copy.toLowerCase().split("\\W+")));
        long shared = copyWords.stream().filter(originalWords::contains).count();
        return (double) shared / copyWords.size();
    }
}
