package com.ccabot.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import com.ccabot.knowledge.KnowledgeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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
        Map<String, Long> written = files(cache);
        IndexStats warm = index(knowledge, cache).stats();
        Map<String, Long> afterWarm = files(cache);
        Path forum = knowledge.resolve("2025-11-07-urumqi-cooperation-forum.md");
        Files.writeString(forum, Files.readString(forum) + "\nA closing sentence was added to this article today.\n");
        IndexStats changed = index(knowledge, cache).stats();

        assertThat(cold.embedded()).isPositive();
        assertThat(cold.cacheHits()).as("chunks kept from the index").isZero();
        assertThat(warm.embedded()).isZero();
        assertThat(warm.cacheHits()).isEqualTo(cold.chunks());
        assertThat(written).as("the snapshot of what was read is kept").anySatisfy((file, time) -> assertThat(file).contains(".snapshot"));
        assertThat(afterWarm).as("a start with nothing changed writes nothing, snapshot included").isEqualTo(written);
        // only the changed article is embedded again: its chunks and sentences, a fraction of the five articles'
        assertThat(changed.embedded()).isPositive().isLessThan(cold.embedded() / 2);
        assertThat(changed.cacheHits()).isLessThan(cold.chunks()).isGreaterThan(cold.chunks() / 2);
    }

    @Test
    void aCorruptIndexIsBuiltAgainAndAnUnwritableCacheIndexesInMemory() throws Exception {
        Path knowledge = copyOfShippedArticles();
        Path cache = work.resolve("cache");
        int chunks = index(knowledge, cache).stats().chunks();
        try (var files = Files.walk(cache.resolve("index"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.writeString(file, "not an index"); // a disk full, a copy cut short
            }
        }
        IndexStats rebuilt = index(knowledge, cache).stats();
        assertThat(rebuilt.chunks()).isEqualTo(chunks);
        assertThat(rebuilt.embedded()).as("everything embedded again").isPositive();
        assertThat(rebuilt.cacheHits()).isZero();

        Path notAFolder = Files.writeString(work.resolve("a-file"), "the cache folder's path is taken by a file");
        KnowledgeIndex inMemory = index(knowledge, notAFolder);
        assertThat(inMemory.stats().chunks()).isEqualTo(chunks);
        assertThat(inMemory.nearest(inMemory.embed("poverty reduction centres"), 3)).hasSize(3);
    }

    @Test
    void theEmbeddingStoreFindsEachChunkByItsOwnTextThroughTheGraphAndIsReadOnly() throws Exception {
        KnowledgeIndex index = index(copyOfShippedArticles(), work.resolve("cache"));
        var store = index.embeddingStore();
        for (var chunk : index.chunks()) {
            var request = dev.langchain4j.store.embedding.EmbeddingSearchRequest.builder()
                    .queryEmbedding(dev.langchain4j.data.embedding.Embedding.from(index.embed(Indexer.embeddedText(chunk))))
                    .maxResults(3).build();
            var matches = store.search(request).matches();
            assertThat(matches).hasSize(3);
            assertThat(matches.get(0).embeddingId()).isEqualTo(chunk.id());
            assertThat(matches.get(0).score()).isGreaterThan(0.99); // (1 + cosine) / 2 of a text with itself
            assertThat(matches.get(0).embedded().text()).isEqualTo(chunk.text());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.add(dev.langchain4j.data.embedding.Embedding.from(new float[384])))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("knowledge folder");
    }

    @Test
    void articlesAddedOneStartAtATimeLeaveFewSegmentsForTheGraphSearch() throws Exception {
        Path knowledge = copyOfShippedArticles();
        Path cache = work.resolve("cache");
        index(knowledge, cache);
        for (int i = 1; i <= 6; i++) {
            Files.writeString(knowledge.resolve("2026-0" + i + "-01-added-" + i + ".md"), """
                    ---
                    title: Added report %d
                    date: 2026-0%d-01
                    ---

                    Report %d says a new road between two border towns opened this month.
                    """.formatted(i, i, i));
            index(knowledge, cache);
        }
        Path folder;
        try (var files = Files.walk(cache.resolve("index"))) {
            folder = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow().getParent();
        }
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder);
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(reader.leaves().size()).as("each start that wrote made a segment; past four they are merged")
                    .isLessThanOrEqualTo(4);
            assertThat(reader.numDocs()).isEqualTo(index(knowledge, cache).stats().chunks());
        }
    }

    /** Every file under a folder with its size and time of last change. */
    private static Map<String, Long> files(Path folder) throws java.io.IOException {
        Map<String, Long> files = new java.util.TreeMap<>();
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path) + " " + Files.size(path), Files.getLastModifiedTime(path).toMillis());
            }
        }
        return files;
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

    /** Indexes as a start does: through the snapshot of what the last start read. */
    private KnowledgeIndex index(Path knowledge, Path cache) {
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.read(cache, knowledge, 500);
        return new Indexer(model, MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), cache)
                .index(new ArticleLoader().load(knowledge, snapshot), snapshot);
    }

    private Path copyOfShippedArticles() throws Exception {
        Path knowledge = Files.createDirectories(work.resolve("knowledge"));
        try (var files = Files.list(Path.of("src/test/resources/knowledge"))) {
            for (Path file : files.toList()) {
                Path copy = Files.copy(file, knowledge.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                // written a while ago, as a folder of articles usually is: a file written in the very second the
                // snapshot is kept is read again at the next start, whatever its stamp says
                Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            }
        }
        return knowledge;
    }
}
