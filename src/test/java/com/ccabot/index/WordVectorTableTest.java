package com.ccabot.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.TestPipeline;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WordVectorTableTest {

    @Test
    void theShippedTableHoldsEveryWholeWordOfTheModelsVocabulary() {
        assertThat(WordVectorTable.shipped().words()).containsExactlyInAnyOrderElementsOf(WordVectorTableBuild.words());
    }

    @Test
    void itsVectorsAreTheModelsVectorsOfTheWordsAlone() {
        KnowledgeIndex index = TestPipeline.app().answers().index();
        List<String> words = WordVectorTableBuild.words();
        for (int i = 0; i < words.size(); i += words.size() / 40) {
            String word = words.get(i);
            float[] shipped = WordVectorTable.shipped().vector(word).orElseThrow();
            assertThat(Vectors.dot(shipped, index.embed(word))).as(word).isGreaterThan(0.999);
        }
    }

    @Test
    void wordsOfTheTableAreNotEmbeddedAgainAndOthersAre() {
        CountingModel model = new CountingModel(TestPipeline.app().answers().index());
        WordMeanings meanings = new WordMeanings(model, WordVectorTable.shipped(), WordMeanings.SAME_MEANING);

        assertThat(meanings.closest("Companies", List.of("enterprises", "students", "rivers"))).contains("enterprises");
        assertThat(model.embedded.get()).isZero();

        assertThat(meanings.closest("Qarakul", List.of("enterprises", "Qarakulian"))).contains("Qarakulian");
        assertThat(model.embedded.get()).isEqualTo(2);
    }

    @Test
    void withoutATableEveryWordIsEmbeddedOnceAndJudgedTheSame() {
        CountingModel model = new CountingModel(TestPipeline.app().answers().index());
        WordMeanings meanings = new WordMeanings(model, WordVectorTable.none(), WordMeanings.SAME_MEANING);

        assertThat(meanings.closest("companies", List.of("enterprises", "students", "rivers"))).contains("enterprises");
        assertThat(meanings.closest("companies", List.of("enterprises"))).contains("enterprises");
        assertThat(model.embedded.get()).isEqualTo(4);
    }

    /** The bot's model, counting the texts it is asked to embed. */
    private static final class CountingModel implements EmbeddingModel {
        private final KnowledgeIndex index;
        final AtomicInteger embedded = new AtomicInteger();

        CountingModel(KnowledgeIndex index) {
            this.index = index;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded.addAndGet(segments.size());
            List<Embedding> embeddings = new ArrayList<>();
            segments.forEach(segment -> embeddings.add(Embedding.from(index.embed(segment.text()))));
            return Response.from(embeddings);
        }
    }
}
