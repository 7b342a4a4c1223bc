package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.OwnArticles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the offline backend shows, on an article of the test's own with the lines a news page carries besides its
 * prose: a dateline with the time of publication and a line of editors' names.
 */
class ExtractiveBackendTest {

    private static final String ARTICLE = """
            ---
            title: A ferry line opens on Lake Sarez
            date: 2024-05-02
            source: Test Wire
            ---

            TEST WIRE) 10:15, MAY 2, 2024

            A ferry line across Lake Sarez opened on Thursday, the lake's first passenger service.

            The ferry carries up to 60 passengers a trip and sails twice a day in summer.

            The mayors of the two lakeside towns opened the ferry line together at the new pier.

            Anna Berg and Tomas Lind cut a ribbon and rode the first crossing with local pupils.

            At the pier, Olga Sand of the ferry company said passengers would enjoy several fare discounts. These \
            include fare discounts for pupils and for pensioners.

            PETER HOLM/TEST WIRE
            """;

    @TempDir
    static Path work;
    private static HybridRetriever retriever;
    private final ExtractiveBackend backend = new ExtractiveBackend(1, 600, 0.1);

    @BeforeAll
    static void index() throws Exception {
        retriever = OwnArticles.retriever(OwnArticles.indexed(work, Map.of("2024-05-02-lake-ferry.md", ARTICLE), 200));
    }

    @Test
    void aDatelineOrACreditLineIsNotShownAsTheAnswerToAQuestionAboutTheNews() {
        String question = "When did the ferry line on Lake Sarez open?";
        Answer answer = backend.answer(question, retriever.retrieve(question));

        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("opened on Thursday").doesNotContain("10:15").doesNotContain("PETER HOLM");
    }

    @Test
    void aSentenceThatOnlyFramesTheAskedForFactComesWithTheNextOneThatGivesIt() {
        String question = "Which mayors opened the ferry line on Lake Sarez?";
        Answer answer = backend.answer(question, retriever.retrieve(question));

        assertThat(answer.text()).contains("Anna Berg and Tomas Lind");
    }

    @Test
    void aMessageAskingTwoThingsGetsEachOnesBestFirstThenMoreWhileThereIsRoom() {
        String question = "When did the ferry line on Lake Sarez open, and how many passengers does the ferry carry?";
        Answer answer = new ExtractiveBackend(3, 600, 0.1).answer(question, retriever.retrieve(question));

        assertThat(answer.text()).contains("opened on Thursday", "60 passengers");
        assertThat(answer.text().indexOf("opened on Thursday")).as("the first question's answer comes first")
                .isLessThan(answer.text().indexOf("60 passengers"));
        assertThat(answer.text().split("\\[1]", -1)).as("a third sentence where two questions left room").hasSize(4);
    }

    @Test
    void aSentenceThatGoesOnFromAChosenOneIsNotTakenForARepeatOfIt() {
        String question = "What discounts do ferry passengers get, according to Olga Sand?";
        Answer answer = new ExtractiveBackend(3, 600, 0.1).answer(question, retriever.retrieve(question));

        // a sentence pooled in its chunk is close in meaning to its neighbour (0.81 here; 0.86 for a pair in the
        // sixth added set, over the 0.85 that makes a repeat): the one that goes on from a chosen one is kept
        assertThat(answer.text()).contains("several fare discounts", "for pupils and for pensioners");
    }

    @Test
    void theBestSentenceLeadsAndWhatGoesOnFromItFollowsThenTheRestInTheArticlesOrder() {
        String question = "What discounts do ferry passengers get, according to Olga Sand?";
        Answer answer = new ExtractiveBackend(3, 600, 0.1).answer(question, retriever.retrieve(question));

        assertThat(answer.text()).startsWith("At the pier, Olga Sand");
        assertThat(answer.text().indexOf("for pupils and for pensioners")).as("the next sentence right after it")
                .isLessThan(answer.text().indexOf("Anna Berg"));
    }

    @Test
    void theyAnswerAQuestionAboutTheArticleItself() {
        String question = "When was the article on the Lake Sarez ferry published?";
        Answer answer = backend.answer(question, retriever.retrieve(question));

        assertThat(answer.text()).contains("10:15");
    }
}
