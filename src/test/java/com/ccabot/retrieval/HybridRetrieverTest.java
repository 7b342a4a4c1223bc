package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.TestPipeline;
import com.ccabot.index.KnowledgeIndex;
import org.junit.jupiter.api.Test;

class HybridRetrieverTest {

    private final KnowledgeIndex index = TestPipeline.app().index();
    private final HybridRetriever retriever = new HybridRetriever(index, RankFusion.RRF, AnswerModels.shipped().ranker(), AnswerModels.shipped().gate(), 6);

    @Test
    void ranksThePassageWithTheAnswerFirst() {
        Retrieval retrieval = retriever.retrieve("How many people were lifted out of poverty in Uzbekistan?");

        assertThat(retrieval.relevant()).isTrue();
        assertThat(retrieval.passages()).hasSizeLessThanOrEqualTo(6);
        assertThat(retrieval.passages().get(0).chunk().article().file()).isEqualTo("cgtn-interview-summit-outcomes.md");
        assertThat(retrieval.passages().get(0).score()).isEqualTo(1.0);
    }

    @Test
    void bothFusionsFindExactNumbersTheEmbeddingsBlur() {
        for (RankFusion fusion : RankFusion.values()) {
            Retrieval retrieval = new HybridRetriever(index, fusion, AnswerModels.shipped().ranker(), AnswerModels.shipped().gate(), 3).retrieve("the 1231 project");

            assertThat(retrieval.passages().get(0).chunk().text()).as(fusion.name()).contains("1231");
        }
    }

    @Test
    void gateDeclinesQuestionsAboutOtherSubjects() {
        assertThat(retriever.retrieve("What is the capital of Brazil?").relevant()).isFalse();
        assertThat(retriever.retrieve("Who is the president of the United States?").relevant()).isFalse();
        assertThat(retriever.retrieve("Write me a poem about cats").relevant()).isFalse();
        assertThat(retriever.retrieve("what is the meaning").relevant()).isFalse();
    }

    @Test
    void correctsMisspeltWordsToTheKnowledgesSpelling() {
        AnalysedQuestion terms = retriever.retrieve("When was the aliance establishd?").terms();

        assertThat(terms.corrections()).contains("allianc");
        assertThat(terms.coverage()).isGreaterThan(0.5);
    }

    @Test
    void weighsUnknownNamesMoreThanUnknownEverydayWords() {
        double name = new QuestionAnalyzer(index.analyzer(), index.lexical()).analyse("summit in Zanzibar").coverage();
        double word = new QuestionAnalyzer(index.analyzer(), index.lexical()).analyse("summit in zanzibar").coverage();

        assertThat(name).isLessThan(word);
    }

    @Test
    void aMessageAskingSeveralThingsCarriesTheBestPassageOfEachQuestion() {
        Retrieval both = retriever.retrieve("Where was the second summit held, and when was the industry-education alliance established?");
        Passage where = retriever.retrieve("Where was the second summit held").passages().get(0);
        Passage when = retriever.retrieve("when was the industry-education alliance established").passages().get(0);

        assertThat(both.passages()).extracting(p -> p.chunk().id()).contains(where.chunk().id(), when.chunk().id());
    }

    @Test
    void splitsAMessageThatAsksSeveralThings() {
        assertThat(QuestionParts.of("Where was the summit held, and when was the alliance founded?"))
                .containsExactly("Where was the summit held", "when was the alliance founded");
        assertThat(QuestionParts.of("Who co-organized the forum? How many attended?"))
                .containsExactly("Who co-organized the forum", "How many attended");
        assertThat(QuestionParts.of("What are trade and investment priorities?")).hasSize(1);
    }

    @Test
    void eachRankingsBestChunkIsAmongThePassagesWhateverTheFusedOrder() {
        assertThat(HybridRetriever.withEachBest(java.util.List.of(1, 2, 3, 4), 3, java.util.List.of(9)))
                .as("the lexical best, far down the fused order, takes the last place; the chunk it displaces follows")
                .containsExactly(1, 2, 9, 3, 4);
        assertThat(HybridRetriever.withEachBest(java.util.List.of(1, 2, 3, 4), 3, java.util.List.of(2, 9)))
                .as("a best already among the first stays where it is").containsExactly(1, 2, 9, 3, 4);
        assertThat(HybridRetriever.withEachBest(java.util.List.of(1, 2, 3, 4, 9), 3, java.util.List.of(8, 9)))
                .as("neither best pushes the other out, nor is one kept twice").containsExactly(1, 8, 9, 2, 3, 4);
        assertThat(HybridRetriever.withEachBest(java.util.List.of(1, 2, 3, 4), 3, java.util.List.of(3, 9)))
                .as("a best in the last place of the first is not pushed out by the other").containsExactly(1, 3, 9, 2, 4);
        assertThat(HybridRetriever.withEachBest(java.util.List.of(1), 3, java.util.List.of(9))).containsExactly(1, 9);
        assertThat(HybridRetriever.withEachBest(java.util.List.of(1, 2, 3, 4), 3, java.util.List.of()))
                .containsExactly(1, 2, 3, 4);
    }
}
