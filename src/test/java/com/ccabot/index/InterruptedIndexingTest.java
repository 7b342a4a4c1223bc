package com.ccabot.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.bench.SyntheticCorpus;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing killed half-way (kill -9: no shutdown hook, no last commit) leaves an index that opens, and the next
 * start keeps what was committed and embeds only the rest.
 */
class InterruptedIndexingTest {

    private static final int CHUNKS = 900;
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void aKilledIndexingKeepsWhatItCommittedAndTheNextStartFinishesIt() throws Exception {
        SyntheticCorpus corpus = SyntheticCorpus.write(Path.of("src/test/resources/knowledge"), work.resolve("corpus"),
                new SyntheticCorpus.Recipe(CHUNKS, 5, 500));
        Path cache = work.resolve("cache");
        Process indexing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main", "index",
                "--knowledge", corpus.dir().toString(), "--set", "index.cache-dir=" + cache, "--set", "index.chunk-size=500")
                .redirectOutput(work.resolve("index.out").toFile())
                .redirectError(work.resolve("index.err").toFile())
                .start();
        int committed;
        try {
            committed = firstPartialCommit(cache, indexing, corpus.chunks());
        } finally {
            indexing.destroyForcibly().waitFor(); // SIGKILL: nothing of the child's runs after this
        }

        MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2));
        KnowledgeIndex index = new Indexer(model, MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), cache)
                .index(new ArticleLoader().load(corpus.dir()));

        assertThat(index.stats().chunks()).isEqualTo(corpus.chunks());
        assertThat(index.stats().cacheHits()).as("chunks kept from the killed run's commits")
                .isGreaterThanOrEqualTo(committed).isLessThan(corpus.chunks());
        assertThat(index.stats().embedded()).as("the rest, embedded now").isPositive();
        assertThat(index.lexical().search(index.analyzer().terms("Urumqi"), java.util.List.of(), 1)).isNotEmpty();
        index.close();
    }

    /** Waits until the child has committed part of the corpus; the number of chunks committed then. */
    private static int firstPartialCommit(Path cache, Process indexing, int total) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> committed = committedChunks(cache);
            if (committed.isPresent() && committed.get() > 0 && committed.get() < total) {
                return committed.get();
            }
            if (!indexing.isAlive()) {
                Assumptions.abort("this machine indexed all " + total + " chunks before the first commit; nothing to interrupt");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no commit within " + LIMIT + " of indexing " + total + " chunks");
    }

    private static Optional<Integer> committedChunks(Path cache) throws Exception {
        Path folders = cache.resolve("index");
        if (!Files.isDirectory(folders)) {
            return Optional.empty();
        }
        try (var list = Files.list(folders)) {
            for (Path folder : list.toList()) {
                try (FSDirectory directory = FSDirectory.open(folder)) {
                    if (DirectoryReader.indexExists(directory)) {
                        try (DirectoryReader reader = DirectoryReader.open(directory)) {
                            return Optional.of(reader.numDocs());
                        }
                    }
                } catch (java.io.IOException e) {
                    // a commit being written as we look: look again
                }
            }
        }
        return Optional.empty();
    }
}
