package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.Indexer;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import com.ccabot.retrieval.AnswerModels;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.RankFusion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sentence that goes on from the one before ("Instead, …", "As a result, …") is shown with it, on an article of our own. */
class ContinuationTest {

    private static final String ARTICLE = """
            ---
            title: Valley council drops dam plan
            date: 2022-03-09
            source: Test Wire
            ---

            The valley council had planned to dam the Kara river above the village of Saryg.

            Instead, the council approved a chain of twelve small ponds fed by the river.

            Farmers in Saryg said the ponds would water their orchards through the summer.
            """;

    @TempDir
    static Path work;
    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        Path knowledge = Files.createDirectories(work.resolve("knowledge"));
        Files.writeString(knowledge.resolve("2022-03-09-valley-ponds.md"), ARTICLE);
        MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2));
        retriever = new HybridRetriever(new Indexer(model, MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), null)
                .index(new ArticleLoader().load(knowledge)), RankFusion.RRF, AnswerModels.shipped().ranker(),
                AnswerModels.shipped().gate(), 6);
    }

    @Test
    void aSentenceThatBeginsInsteadComesWithTheOneItGoesOnFrom() {
        String question = "What did the valley council approve instead?";
        Answer answer = new ExtractiveBackend(1, 600, 0.1).answer(question, retriever.retrieve(question));

        assertThat(answer.text()).contains("twelve small ponds", "planned to dam the Kara river");
    }
}
