package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.OwnArticles;
import java.nio.file.Path;
import java.util.Map;
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
        retriever = OwnArticles.retriever(OwnArticles.indexed(work, Map.of("2022-03-09-valley-ponds.md", ARTICLE), 500));
    }

    @Test
    void aSentenceThatBeginsInsteadComesWithTheOneItGoesOnFrom() {
        String question = "What did the valley council approve instead?";
        Answer answer = new ExtractiveBackend(1, 600, 0.1).answer(question, retriever.retrieve(question));

        assertThat(answer.text()).contains("twelve small ponds", "planned to dam the Kara river");
    }
}
