package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a window must hold for what a question asks, on a report of the test's own whose sentences give no date: a date for "when", a number for "the level of", a sum for "the value of", names or a "They included…"
 * for a list, and a post named beside a word of its owner's name.
 */
class AskedKindTest {

    @TempDir
    static Path folder;

    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        KnowledgeIndex index = OwnArticles.indexed(folder, Map.of(
                "2021-03-15-navoi-cement-plant.md", OwnArticles.article("A cement plant opens in Navoi", "2021-03-15", """
                        NAVOI -- A cement plant built by a Chinese contractor has opened in Navoi.
                        The plant cost 150 million dollars and will make two million tonnes of cement a year.
                        Its kilns burn gas, and the dust in its chimney air stays below 20 milligrams per cubic metre.
                        A second kiln is planned, but its builders have not been chosen.
                        The ceremony was attended by Governor Kobul Tursunov, Ambassador Yu Jun and the engineer Dilshod \
                        Karimov.
                        Plant director Aziz Rahimov said the plant would hire 600 local workers.
                        The partners signed four documents at the opening.
                        They included a supply contract, a training plan and a loan agreement.
                        Its builders put up two halls, the Kiln Hall and the Packing Hall, beside the quarry.""")));
        retriever = OwnArticles.retriever(index);
    }

    @Test
    void aQuestionForADateNeedsOneInTheWindow() {
        Retrieval planned = retriever.retrieve("When will the second kiln at the Navoi cement plant be finished?");

        Retrieval past = retriever.retrieve("In what year did the second kiln at the Navoi cement plant open?");

        assertThat(planned.relevant()).isFalse();
        assertThat(planned.verdict().reason()).isEqualTo("no passage gives the planned date");
        assertThat(past.relevant()).isFalse();
        assertThat(past.verdict().reason()).isEqualTo("no passage gives the date");
    }

    @Test
    void aWordForHowMuchThereIsIsAnsweredByANumberAndAWordForWorthByASum() {
        Retrieval level = retriever.retrieve("What is the dust level in the chimney air of the Navoi cement plant?");
        Retrieval value = retriever.retrieve("What is the value of the Navoi cement plant?");

        assertThat(level.verdict().reason()).doesNotStartWith("no passage gives the level");
        assertThat(level.relevant()).isTrue();
        assertThat(retriever.retrieve("What is the noise level at the Navoi cement plant?").verdict().reason())
                .as("a number, but not of the noise").isEqualTo("no passage gives the level");
        assertThat(value.verdict().reason()).as("the model judges it then").doesNotStartWith("no passage gives the value");
    }

    @Test
    void aSentenceNamingSeveralPeopleListsAGroupOfPeopleWithoutItsWord() {
        Retrieval retrieval = retriever.retrieve("List the officials who attended the ceremony at the Navoi cement plant.");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("Kobul Tursunov");
    }

    @Test
    void aSentenceThatBeginsTheyIncludedIsTheList() {
        Retrieval retrieval = retriever.retrieve("List the documents the partners signed at the Navoi plant's opening.");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
    }

    @Test
    void aCountedGroupFollowedByACommaIsAList() {
        Retrieval retrieval = retriever.retrieve("List the halls the builders put up at the Navoi cement plant.");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("the Kiln Hall and the Packing Hall");
    }

    @Test
    void theWordsOfAQuestionForAPostAreNotWordsTheAnswerMustHold() {
        Retrieval post = retriever.retrieve("What post does Aziz Rahimov hold?");
        Retrieval title = retriever.retrieve("What is Aziz Rahimov's job title?");

        assertThat(post.terms().terms()).extracting(QuestionTerm::word).doesNotContain("post");
        assertThat(title.terms().terms()).extracting(QuestionTerm::word).doesNotContain("job", "title");
        assertThat(title.relevant()).as(title.verdict().toString()).isTrue();
        assertThat(title.evidence().get(0).text()).contains("Plant director Aziz Rahimov");
    }

    @Test
    void aPostIsNamedBesideAnotherWordOfItsOwnersNameWhenTheFirstIsInTheTitle() {
        Retrieval retrieval = retriever.retrieve("Who is the director of the Navoi Cement Plant?");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("Aziz Rahimov");
    }
}
