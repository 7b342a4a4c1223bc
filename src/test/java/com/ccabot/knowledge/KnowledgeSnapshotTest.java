package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeSnapshotTest {

    private static final int CHUNK_SIZE = 200;
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(Duration.ofHours(1)));

    @TempDir
    Path work;

    private final ArticleLoader loader = new ArticleLoader();
    private final Chunker chunker = new Chunker(CHUNK_SIZE);

    private Path knowledge() throws Exception {
        Path dir = Files.createDirectories(work.resolve("knowledge"));
        write(dir.resolve("khorgos.md"), """
                ---
                title: Khorgos dry port changes gauges
                date: 2024-03-02
                source: Steppe Freight Review
                ---
                The Khorgos Gateway dry port lies on Kazakhstan's border with China. It began handling trains in 2015.
                Chinese railways use the standard gauge of 1,435 millimetres. Kazakhstan's network follows the broader
                1,520-millimetre gauge. Gantry cranes lift containers from the wagons of one gauge onto the other.
                """, AN_HOUR_AGO);
        write(dir.resolve("qamchiq.txt"), """
                Qamchiq tunnel opens

                The Qamchiq tunnel runs for 19 kilometres under a mountain pass. It joins the Fergana Valley to the rest
                of Uzbekistan's railways. A Chinese company built it in about a thousand days.
                """, AN_HOUR_AGO);
        return dir;
    }

    private static void write(Path file, String text, FileTime modified) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, modified);
    }

    private Map<String, List<Chunk>> chunks(LoadedKnowledge knowledge, KnowledgeSnapshot snapshot) {
        Map<String, List<Chunk>> byArticle = new LinkedHashMap<>();
        knowledge.articles().forEach(a -> byArticle.put(a.file(), snapshot.chunks(a).orElseGet(() -> chunker.chunk(a))));
        return byArticle;
    }

    /** Loads as a start does, keeping the snapshot again when it changed; returns what was loaded. */
    private LoadedKnowledge start(Path dir, Path cache) {
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE);
        LoadedKnowledge knowledge = loader.load(dir, snapshot);
        if (!snapshot.holds(knowledge)) {
            KnowledgeSnapshot.write(cache, knowledge, chunks(knowledge, snapshot), CHUNK_SIZE);
        }
        return knowledge;
    }

    @Test
    void aStartTakesUnchangedFilesFromTheSnapshotWithTheirChunksAndReadsChangedOnesAgain() throws Exception {
        Path dir = knowledge();
        Path cache = work.resolve("cache");
        LoadedKnowledge first = start(dir, cache);

        KnowledgeSnapshot snapshot = KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE);
        LoadedKnowledge second = loader.load(dir, snapshot);
        assertThat(second.articles()).isEqualTo(first.articles());
        assertThat(snapshot.holds(second)).as("nothing changed, nothing to write").isTrue();
        for (Article article : second.articles()) {
            assertThat(snapshot.chunks(article)).contains(chunker.chunk(article));
        }

        // same size, same time: taken as unchanged, so the snapshot's text is what loads (the file is not read)
        Path khorgos = dir.resolve("khorgos.md");
        write(khorgos, Files.readString(khorgos).replace("Gantry", "Portal"), AN_HOUR_AGO);
        assertThat(loader.load(dir, snapshot).articles().get(0).text()).contains("Gantry");
        // a new time: read again
        write(khorgos, Files.readString(khorgos), FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        LoadedKnowledge changed = loader.load(dir, snapshot);
        assertThat(changed.articles().get(0).text()).contains("Portal");
        assertThat(snapshot.chunks(changed.articles().get(0))).isEmpty();
        assertThat(snapshot.chunks(changed.articles().get(1))).isPresent();
        assertThat(snapshot.holds(changed)).isFalse();
    }

    @Test
    void aFileChangedWithinASecondBeforeItsFolderIsListedIsReadAgainWhateverItsStamp() throws Exception {
        Path dir = knowledge();
        Path cache = work.resolve("cache");
        Path qamchiq = dir.resolve("qamchiq.txt");
        FileTime now = FileTime.from(Instant.now());
        Files.setLastModifiedTime(qamchiq, now);
        start(dir, cache);

        // changed in the same tick: the same size and time, but not the same text
        write(qamchiq, Files.readString(qamchiq).replace("thousand", "hundred0"), now);
        LoadedKnowledge again = loader.load(dir, KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE));

        assertThat(again.articles()).anySatisfy(a -> assertThat(a.text()).contains("hundred0"));
    }

    @Test
    void anotherChunkSizeAnotherFolderOrABrokenSnapshotReadsEveryFile() throws Exception {
        Path dir = knowledge();
        Path cache = work.resolve("cache");
        LoadedKnowledge first = start(dir, cache);
        Article article = first.articles().get(0);
        FileStamp stamp = first.stamps().get(article.file());

        assertThat(KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE).article(article.file(), stamp)).contains(article);
        assertThat(KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE + 1).article(article.file(), stamp)).isEmpty();
        assertThat(KnowledgeSnapshot.read(cache, work.resolve("elsewhere"), CHUNK_SIZE).article(article.file(), stamp)).isEmpty();
        assertThat(KnowledgeSnapshot.read(null, dir, CHUNK_SIZE).article(article.file(), stamp)).isEmpty();

        Path file = KnowledgeSnapshot.file(cache, dir);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2)); // a copy cut short
        assertThat(KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE).article(article.file(), stamp)).isEmpty();
        Files.writeString(file, "not a snapshot");
        assertThat(KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE).article(article.file(), stamp)).isEmpty();

        LoadedKnowledge rebuilt = start(dir, cache);
        assertThat(rebuilt.articles()).isEqualTo(first.articles());
        assertThat(KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE).article(article.file(), stamp)).contains(article);
    }

    @Test
    void removedFilesLeaveAndAddedOnesAreRead() throws Exception {
        Path dir = knowledge();
        Path cache = work.resolve("cache");
        start(dir, cache);
        Files.delete(dir.resolve("qamchiq.txt"));
        write(dir.resolve("angren.md"), "# Angren pass\n\nThe Angren–Pap line crosses the Kamchik pass.\n", AN_HOUR_AGO);

        KnowledgeSnapshot snapshot = KnowledgeSnapshot.read(cache, dir, CHUNK_SIZE);
        LoadedKnowledge now = loader.load(dir, snapshot);

        assertThat(now.articles()).extracting(Article::file).containsExactly("angren.md", "khorgos.md");
        assertThat(snapshot.chunks(now.articles().get(0))).isEmpty();
        assertThat(snapshot.chunks(now.articles().get(1))).isPresent();
        assertThat(snapshot.holds(now)).isFalse();
    }
}
