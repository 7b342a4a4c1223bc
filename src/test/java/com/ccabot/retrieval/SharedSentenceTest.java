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

/**
 * A later report that retells one sentence of a first report word for word, among sentences of its own that fit the
 * question better: the retold sentence is cited from the first report, even when only the later one is retrieved.
 */
class SharedSentenceTest {

    private static final String SHARED = "Organisers said buyers signed contracts worth several million dollars at the"
            + " Khujand fruit fair.";

    @TempDir
    static Path folder;
    private static KnowledgeIndex index;

    @BeforeAll
    static void index() throws Exception {
        write("2023-05-20-khujand-fruit-fair.md", "Fruit fair in Khujand draws traders", "2023-05-20",
                "Traders from Tajikistan, Uzbekistan and Xinjiang sold melons, apricots and dried fruit. " + SHARED
                        + " Cold-chain trucks carried the first loads to Kashgar the next morning.");
        write("2023-09-01-fruit-exporters-look-ahead.md", "Sughd exporters look ahead", "2023-09-01",
                "Exporters in Sughd expect more buyers and larger contracts next season. " + SHARED
                        + " New packing halls near the border will shorten the wait for buyers' contracts.");
        index = new Indexer(MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2)),
                MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), folder.resolve(".cache")).index(new ArticleLoader().load(folder));
    }

    private static void write(String file, String title, String date, String text) throws Exception {
        Files.writeString(folder.resolve(file), "---\ntitle: " + title + "\ndate: " + date + "\nsource: Test Wire\n---\n"
                + text + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void theIndexKnowsWhichArticlesHoldASentenceWordForWord() {
        assertThat(index.chunksSharing(SHARED)).extracting(chunk -> index.chunks().get(chunk).article().file())
                .containsExactlyInAnyOrder("2023-05-20-khujand-fruit-fair.md", "2023-09-01-fruit-exporters-look-ahead.md");
        assertThat(index.chunksSharing("Cold-chain trucks carried the first loads to Kashgar the next morning.")).isEmpty();
    }

    @Test
    void aRetoldSentenceIsCitedFromTheFirstReportThoughOnlyTheLaterOneWasRetrieved() {
        HybridRetriever onePassage = new HybridRetriever(index, RankFusion.RRF, AnswerModels.shipped().ranker(),
                AnswerModels.shipped().gate(), 1);
        Retrieval retrieval = onePassage.retrieve("What did organisers say buyers signed, and what will the new packing halls near the border shorten?");

        assertThat(retrieval.passages().get(0).chunk().article().file()).as("only the later report retrieved")
                .isEqualTo("2023-09-01-fruit-exporters-look-ahead.md");
        Evidence shared = retrieval.evidence().stream().filter(e -> e.text().equals(SHARED)).findFirst().orElseThrow();
        assertThat(shared.passage().chunk().article().file()).isEqualTo("2023-05-20-khujand-fruit-fair.md");
        assertThat(shared.before()).startsWith("Traders from Tajikistan");
        Evidence own = retrieval.evidence().stream().filter(e -> e.text().startsWith("Exporters in Sughd")).findFirst().orElseThrow();
        assertThat(own.passage().chunk().article().file()).isEqualTo("2023-09-01-fruit-exporters-look-ahead.md");
    }
}
