package com.ccabot.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

    private static MiniLmEmbeddingModel model;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModel() {
        model = MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2));
    }

    @Test
    void aSecondStartEmbedsNothingAndAChangedArticleOnlyItsOwnText() throws Exception {
        Path knowledge = copyOfShippedArticles();
        Path cache = work.resolve("cache");

        IndexStats cold = index(knowledge, cache).stats();
        IndexStats warm = index(knowledge, cache).stats();
        Path forum = knowledge.resolve("2025-11-07-urumqi-cooperation-forum.md");
        Files.writeString(forum, Files.readString(forum) + "\nA closing sentence was added to this article today.\n");
        IndexStats changed = index(knowledge, cache).stats();

        assertThat(cold.embedded()).isPositive();
        assertThat(cold.cacheHits()).isZero();
        assertThat(warm.embedded()).isZero();
        assertThat(warm.cacheHits()).isEqualTo(cold.embedded());
        assertThat(changed.embedded()).isBetween(1, 3);
    }

    @Test
    void versionChangesWhenTheKnowledgeChanges() throws Exception {
        Path knowledge = copyOfShippedArticles();
        Path cache = work.resolve("cache");
        String before = index(knowledge, cache).version();
        Files.delete(knowledge.resolve("cgtn-interview-summit-outcomes.md"));

        assertThat(index(knowledge, cache).version()).isNotEqualTo(before);
        assertThat(index(knowledge, cache).version()).isEqualTo(index(knowledge, cache).version());
    }

    @Test
    void findsChunksByMeaningAndByExactNumber() throws Exception {
        KnowledgeIndex index = index(copyOfShippedArticles(), work.resolve("cache"));

        KnowledgeIndex.VectorHit nearest = index.nearest(index.embed("poverty rate of Uzbekistan"), 1).get(0);
        assertThat(index.chunks().get(nearest.chunk()).article().file()).isEqualTo("cgtn-interview-summit-outcomes.md");
        assertThat(nearest.similarity()).isBetween(0.3, 1.0);

        LexicalIndex.Hit exact = index.lexical().search(index.analyzer().terms("4500"), java.util.List.of(), 1).get(0);
        assertThat(index.chunks().get(exact.chunk()).text()).contains("4,500");
        // against the words as written, and the word as written is what is embedded instead
        assertThat(index.lexical().correction("educaton", "educaton")).contains(new LexicalIndex.Correction("educ", "education"));
        assertThat(index.lexical().correction("anounce", "anounc")).contains(new LexicalIndex.Correction("announc", null)); // the stems
        assertThat(index.lexical().correction("brazil", "brazil")).isEmpty();
    }

    private KnowledgeIndex index(Path knowledge, Path cache) {
        return new Indexer(model, MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), cache)
                .index(new ArticleLoader().load(knowledge));
    }

    private Path copyOfShippedArticles() throws Exception {
        Path knowledge = Files.createDirectories(work.resolve("knowledge"));
        try (var files = Files.list(Path.of("src/test/resources/knowledge"))) {
            for (Path file : files.toList()) {
                Files.copy(file, knowledge.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return knowledge;
    }
}
