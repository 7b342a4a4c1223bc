package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.Indexer;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near-copies of one report: the one whose date and title fit the question goes first. */
class NearCopiesTest {

    @TempDir
    static Path folder;

    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        write("2023-05-20-melon-fair-report.md", "Melon fair in Khujand draws traders", "2023-05-20");
        write("2024-05-21-melon-fair-report.md", "Second melon fair in Khujand draws traders", "2024-05-21");
        write("2024-02-02-other-news.md", "Tea house opens in Osh", "2024-02-02",
                "A tea house serving Kyrgyz and Chinese dishes opened in Osh this week. Its owner trained in Kashgar.");
        KnowledgeIndex index = new Indexer(MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2)),
                MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), folder.resolve(".cache")).index(new ArticleLoader().load(folder));
        retriever = new HybridRetriever(index, RankFusion.RRF, AnswerModels.shipped().ranker(), AnswerModels.shipped().gate(), 4);
    }

    private static void write(String file, String title, String date) throws Exception {
        write(file, title, date, """
                Traders from Tajikistan, Uzbekistan and China's Xinjiang sold melons, apricots and dried fruit at the fair\
                 held in Khujand. Organisers said buyers signed contracts worth several million dollars, and cold-chain\
                 trucks carried the first loads to Kashgar the next morning.""");
    }

    private static void write(String file, String title, String date, String text) throws Exception {
        Files.writeString(folder.resolve(file), "---\ntitle: " + title + "\ndate: " + date + "\nsource: Test Wire\n---\n"
                + text + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void theYearAQuestionNamesPicksItsReport() {
        assertThat(first("What did traders sell at the 2023 melon fair in Khujand?")).startsWith("2023-");
        assertThat(first("What did traders sell at the 2024 melon fair in Khujand?")).startsWith("2024-05");
    }

    @Test
    void theTitlesWordsPickTheirReportAndOtherwiseTheFirstReportLeadsOrTheLatestWhenAskedFor() {
        assertThat(first("What was sold at the second melon fair in Khujand?")).startsWith("2024-05");
        assertThat(first("What did traders sell at the melon fair in Khujand?")).startsWith("2023-");
        assertThat(first("What did traders sell at the latest melon fair in Khujand?")).startsWith("2024-05");
    }

    private static String first(String question) {
        return retriever.retrieve(question).passages().get(0).chunk().article().file();
    }
}
