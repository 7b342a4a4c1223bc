package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static Article article(String text) {
        return new Article("a.md", "A", null, null, null, null, null, text);
    }

    private static String sentence(int n, int length) {
        String start = "Sentence " + n + " says";
        return start + " x".repeat(Math.max(0, (length - start.length() - 1) / 2)) + ".";
    }

    @Test
    void rejectsAChunkSizeBelowOneHundredCharacters() {
        assertThatThrownBy(() -> new Chunker(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk size must be at least 100 characters");
    }

    @Test
    void givesOneChunkForAnArticleWithOneShortSentence() {
        Article article = article("Leaders met in Astana.");

        List<Chunk> chunks = new Chunker(300).chunk(article);

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.id()).isEqualTo("a.md#0");
            assertThat(chunk.position()).isZero();
            assertThat(chunk.firstSentence()).isZero();
            assertThat(chunk.text()).isEqualTo("Leaders met in Astana.");
            assertThat(chunk.article()).isSameAs(article);
        });
    }

    @Test
    void givesNoChunkForAnArticleWithoutSentences() {
        assertThat(new Chunker(100).chunk(article("  \n "))).isEmpty();
    }

    @Test
    void overlapsConsecutiveChunksByOneSentence() {
        String text = IntStream.range(0, 10).mapToObj(n -> sentence(n, 60)).collect(Collectors.joining(" "));

        List<Chunk> chunks = new Chunker(200).chunk(article(text));

        assertThat(chunks).hasSizeGreaterThan(2);
        for (int k = 1; k < chunks.size(); k++) {
            List<String> previous = chunks.get(k - 1).sentences();
            assertThat(chunks.get(k).sentences().get(0)).isEqualTo(previous.get(previous.size() - 1));
            assertThat(chunks.get(k).firstSentence())
                    .isEqualTo(chunks.get(k - 1).firstSentence() + previous.size() - 1);
        }
    }

    @Test
    void dropsTheOverlapWhenItLeavesNoRoomForANewSentence() {
        String text = sentence(0, 40) + " " + sentence(1, 80) + " " + sentence(2, 90);

        List<Chunk> chunks = new Chunker(130).chunk(article(text));

        assertThat(chunks).extracting(Chunk::firstSentence).containsExactly(0, 2);
        assertThat(chunks.get(1).sentences()).containsExactly(sentence(2, 90));
    }

    @Test
    void keepsASentenceLongerThanTheChunkSizeWholeInAChunkOfItsOwn() {
        String longSentence = sentence(1, 250);
        String text = sentence(0, 50) + " " + longSentence + " " + sentence(2, 50);

        List<Chunk> chunks = new Chunker(100).chunk(article(text));

        assertThat(chunks).extracting(Chunk::text).contains(longSentence);
        assertThat(chunks).filteredOn(c -> c.text().length() > 100)
                .allSatisfy(c -> assertThat(c.sentences()).hasSize(1));
    }

    @Test
    void numbersChunksFromZeroWithIdsMadeOfFileAndPosition() {
        String text = IntStream.range(0, 8).mapToObj(n -> sentence(n, 70)).collect(Collectors.joining("\n"));

        List<Chunk> chunks = new Chunker(150).chunk(article(text));

        for (int k = 0; k < chunks.size(); k++) {
            assertThat(chunks.get(k).position()).isEqualTo(k);
            assertThat(chunks.get(k).id()).isEqualTo("a.md#" + k);
        }
    }

    @Test
    void neverCutsASentenceAndCoversEveryOneOnTheShippedArticles() {
        List<Article> articles = new ArticleLoader().load(TestFiles.resource("knowledge")).articles();
        for (int maxChars : new int[] {100, 250, 400, 1000}) {
            Chunker chunker = new Chunker(maxChars);
            for (Article article : articles) {
                assertChunksAreSound(chunker, article, maxChars);
            }
        }
    }

    @Test
    void neverCutsASentenceAndCoversEveryOneOnGeneratedText() {
        for (int seed = 0; seed < 30; seed++) {
            java.util.Random random = new java.util.Random(seed);
            String text = IntStream.range(0, 1 + random.nextInt(25))
                    .mapToObj(n -> sentence(n, 15 + random.nextInt(300)))
                    .collect(Collectors.joining(random.nextBoolean() ? " " : "\n"));
            int maxChars = 100 + random.nextInt(400);
            assertChunksAreSound(new Chunker(maxChars), article(text), maxChars);
        }
    }

    private static void assertChunksAreSound(Chunker chunker, Article article, int maxChars) {
        List<String> sentences = chunker.sentences(article);
        List<Chunk> chunks = chunker.chunk(article);
        boolean[] covered = new boolean[sentences.size()];
        int previousEnd = 0;
        for (Chunk chunk : chunks) {
            assertThat(chunk.sentences()).isNotEmpty();
            // every chunk is a run of whole sentences, in article order
            assertThat(chunk.sentences())
                    .isEqualTo(sentences.subList(chunk.firstSentence(), chunk.firstSentence() + chunk.sentences().size()));
            if (chunk.sentences().size() > 1) {
                assertThat(chunk.text().length()).isLessThanOrEqualTo(maxChars);
            }
            // a chunk overlaps the previous one by at most one sentence, and leaves no gap
            assertThat(chunk.firstSentence()).isBetween(Math.max(0, previousEnd - 1), previousEnd);
            previousEnd = chunk.firstSentence() + chunk.sentences().size();
            for (int i = chunk.firstSentence(); i < previousEnd; i++) {
                covered[i] = true;
            }
        }
        assertThat(covered).doesNotContain(false);
    }
}
