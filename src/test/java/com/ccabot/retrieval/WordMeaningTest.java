package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An asker need not use the article's own word: a word no article has is matched to a word of the retrieved
 * passages that means the same, by the embedding model; a real word is not taken for a typo of another; and
 * numbers, ordinals among them, are never matched by meaning.
 */
class WordMeaningTest {

    @TempDir
    static Path folder;

    private static KnowledgeIndex index;
    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        index = OwnArticles.indexed(folder, Map.of(
                "2023-09-14-fergana-park.md", OwnArticles.article("Chinese factories fill the Fergana industrial park", "2023-09-14", """
                        About 120 Chinese-invested enterprises now operate in the Fergana industrial park, its director \
                        Aziz Rahimov said on Thursday. Their factories make ceramic tile, copper cable and furniture. \
                        The park's vocational school gives young people an education in welding and machining."""),
                "2022-05-20-silk-road-trade-forum.md", OwnArticles.article("Fifth Silk Road trade forum meets in Samarkand", "2022-05-20", """
                        The fifth Silk Road trade forum was held in Samarkand on Tuesday. Delegates from 12 countries \
                        signed a declaration on faster customs checks at the borders.""")));
        retriever = OwnArticles.retriever(index);
    }

    @Test
    void theModelJudgesWhetherTwoWordsMeanTheSame() {
        assertThat(index.meanings().anyAlike("companies", List.of("furniture", "enterprises"))).isTrue();
        assertThat(index.meanings().closest("employees", List.of("workers", "tourists"))).contains("workers");
        assertThat(index.meanings().anyAlike("companies", List.of("universities", "countries"))).isFalse();
        assertThat(index.meanings().anyAlike("export", List.of("import"))).as("opposites of one field").isFalse();
        assertThat(index.meanings().anyAlike("students", List.of("students"))).as("not its own synonym").isFalse();
    }

    @Test
    void aCountOfThingsCalledByAnotherNameAnswersTheQuestion() {
        Retrieval retrieval = retriever.retrieve("How many Chinese companies are in the Fergana industrial park?");
        assertThat(retrieval.relevant()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("120 Chinese-invested enterprises");
    }

    @Test
    void anOrdinalIsNeverMatchedByMeaning() {
        assertThat(retriever.retrieve("Where was the sixth Silk Road trade forum held?").relevant()).isFalse();
        assertThat(retriever.retrieve("Where was the fifth Silk Road trade forum held?").relevant()).isTrue();
    }

    @Test
    void aDayIsNeverMatchedByMeaning() {
        Retrieval retrieval = retriever.retrieve("Will the Silk Road trade forum meet in Samarkand tomorrow?");

        assertThat(retrieval.terms().terms()).filteredOn(t -> t.word().equals("tomorrow"))
                .as("not Tuesday").singleElement().matches(t -> !t.matched());
    }

    @Test
    void aRealWordTheArticlesLackIsNotATypoOfOneTheyHave() {
        assertThat(index.lexical().correction("title", "titl")).as("not \"tile\"").isEmpty();
        assertThat(index.lexical().correction("educaton", "educaton")).map(c -> c.written()).contains("education");
    }
}
