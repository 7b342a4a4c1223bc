package com.ccabot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.segment.TextSegment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batched embedding gives the vectors of one-text-at-a-time embedding, padding and all. */
class BatchEncoderTest {

    private static MiniLmEmbeddingModel model;

    @BeforeAll
    static void loadModel() {
        model = MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2));
    }

    @Test
    void batchesOfMixedLengthsGiveTheSameVectorsAsOneTextAtATime() {
        List<String> texts = List.of(
                "Rail freight between Lanzhou and Tashkent now takes five days.",
                "A short line.",
                "The Chinese and Kazakh delegations signed eleven agreements on water use, grain trade and a solar"
                        + " power plant near Almaty, and agreed to meet again in the spring of next year in Xi'an.",
                "Ümit Berdiyev, a deputy minister, said 2,400 trucks crossed the border in March — a record.",
                "word ".repeat(700)); // over 512 tokens: split and averaged, as langchain4j does
        List<float[]> oneByOne = model.embedOneByOne(texts);
        var batched = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();

        assertThat(batched).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = oneByOne.get(i);
            float[] actual = batched.get(i).vector();
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[j]).as("text %d, dimension %d", i, j).isCloseTo(expected[j], within(1e-5f));
            }
        }
    }

    @Test
    void aChunksSentencesArePooledFromTheChunksOwnPassAndPartsThatDoNotLineUpAreEmbeddedApart() {
        String title = "Melon fair in Khujand";
        List<String> sentences = List.of("Traders sold melons and apricots at the fair.",
                "Cold-chain trucks carried the first loads to Kashgar the next morning.");
        String text = title + "\n" + String.join(" ", sentences);
        List<String> parts = List.of(title, sentences.get(0), sentences.get(1));
        var misaligned = List.of("Not what the text is made of.", "At all.");

        var pooled = model.embedWithParts(List.of(text, "Something else entirely, said the minister."),
                List.of(parts, misaligned));

        float[] whole = model.embedOneByOne(List.of(text)).get(0);
        assertThat(pooled.get(0).text()).containsExactly(whole);
        assertThat(pooled.get(0).parts()).hasSize(3);
        List<float[]> alone = model.embedOneByOne(parts);
        for (int p = 0; p < parts.size(); p++) {
            float[] inContext = pooled.get(0).parts().get(p);
            assertThat(Vectors.dot(inContext, inContext)).isCloseTo(1.0, within(1e-4));
            // read in context, a sentence still means what it means alone
            assertThat(Vectors.dot(inContext, alone.get(p))).as("part %d", p).isGreaterThan(0.6);
        }
        assertThat(Vectors.dot(pooled.get(0).parts().get(1), alone.get(1)))
                .isGreaterThan(Vectors.dot(pooled.get(0).parts().get(1), alone.get(2)));
        List<float[]> apart = model.embedOneByOne(misaligned);
        for (int p = 0; p < misaligned.size(); p++) {
            assertThat(pooled.get(1).parts().get(p)).containsExactly(apart.get(p));
        }
    }
}
