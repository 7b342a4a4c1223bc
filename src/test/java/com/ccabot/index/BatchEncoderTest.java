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
}
