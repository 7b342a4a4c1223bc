package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.OwnArticles;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which further sentences an answer leaves out as repeats, on two articles of the test's own: a report on an
 * observatory, whose sentences each add a fact about the same subject, and another outlet's retelling of it.
 */
class RepeatedSentencesTest {

    private static final String REPORT = """
            ---
            title: A mountain observatory opens near Lake Issyk-Kul
            date: 2023-09-14
            source: Test Wire
            ---

            A new mountain observatory with a Chinese-built telescope opened near Lake Issyk-Kul on Wednesday.

            The observatory's telescope has a mirror 1.6 metres across and was built in Nanjing.

            The telescope of the observatory will be used by 40 young astronomers from Kyrgyzstan every year.

            Scientists from six countries have already asked for time on the observatory's telescope.
            """;

    private static final String RETELLING = """
            ---
            title: Observatory opens in the mountains by Issyk-Kul
            date: 2023-09-15
            source: Other Wire
            ---

            The observatory's main telescope has a mirror of 1.6 metres across and was made in Nanjing.

            Local officials attended the ceremony.
            """;

    @TempDir
    static Path work;
    private static HybridRetriever retriever;
    private final ExtractiveBackend backend = new ExtractiveBackend(3, 600, 0.1);

    @BeforeAll
    static void index() throws Exception {
        retriever = OwnArticles.retriever(OwnArticles.indexed(work, Map.of("2023-09-14-observatory.md", REPORT,
                "2023-09-15-observatory-retold.md", RETELLING), 500));
    }

    @Test
    void sentencesThatAddAFactAboutTheSameSubjectAreNotTakenForRepeats() {
        String question = "What is known about the telescope of the new observatory near Lake Issyk-Kul?";
        Answer answer = backend.answer(question, retriever.retrieve(question));

        // pooled in their article's passage, these sentences are as close in meaning as repeats (0.86 to 0.89),
        // yet each says something the others do not
        assertThat(answer.text()).contains("40 young astronomers", "six countries");
    }

    @Test
    void aRetellingOfAChosenSentenceWithAWordChangedIsLeftOut() {
        String question = "How big is the mirror of the observatory's telescope near Lake Issyk-Kul?";
        Answer answer = backend.answer(question, retriever.retrieve(question));

        assertThat(Pattern.compile("1\\.6 metres").matcher(answer.text()).results().count()).as(answer.text()).isEqualTo(1);
    }
}
