package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticModelTest {

    private static final List<String> FEATURES = List.of("signal", "noise");
    /** Yes when the signal is high, whatever the noise; three times as many noes as yeses. */
    private static final double[][] X = {
        {0.9, 0.1}, {0.8, 0.7}, {0.1, 0.2}, {0.2, 0.9}, {0.15, 0.5}, {0.3, 0.4}, {0.05, 0.8}, {0.25, 0.1},
    };
    private static final boolean[] Y = {true, true, false, false, false, false, false, false};

    @Test
    void learnsWhichFeatureSeparatesTheClasses() {
        LogisticModel model = LogisticModel.fit(FEATURES, X, Y, 0.01);

        assertThat(model.weights()[0]).isPositive();
        assertThat(Math.abs(model.weights()[1])).isLessThan(model.weights()[0]);
        for (int i = 0; i < X.length; i++) {
            assertThat(model.says(X[i])).as("row " + i).isEqualTo(Y[i]);
        }
    }

    @Test
    void aWeightHeldToASignNeverTakesTheOther() {
        // in these few rows more "unknown" goes with yes by chance; the constraint says more of it can only mean no
        List<String> features = List.of("signal", "unknown");
        double[][] x = {{0.9, 0.8}, {0.8, 0.9}, {0.2, 0.1}, {0.1, 0.2}, {0.3, 0.1}};
        boolean[] y = {true, true, false, false, false};

        assertThat(LogisticModel.fit(features, x, y, 0.01).weights()[1]).isPositive();
        LogisticModel held = LogisticModel.fit(features, x, y, 0.01, new int[] {1, -1});
        assertThat(held.weights()[1]).isLessThanOrEqualTo(0);
        assertThat(held.weights()[0]).isPositive();
        assertThat(held.says(x[0])).isTrue();
        assertThat(held.says(x[2])).isFalse();
    }

    @Test
    void fittingTheSameDataTwiceGivesTheSameModel() {
        assertThat(LogisticModel.fit(FEATURES, X, Y, 0.01)).isEqualTo(LogisticModel.fit(FEATURES, X, Y, 0.01));
    }

    @Test
    void aStrongerPenaltyGivesSmallerWeights() {
        double loose = LogisticModel.fit(FEATURES, X, Y, 0.001).weights()[0];
        double tight = LogisticModel.fit(FEATURES, X, Y, 1).weights()[0];

        assertThat(tight).isLessThan(loose);
    }

    @Test
    void aThresholdMovesTheDecisionNotTheProbability() {
        LogisticModel model = LogisticModel.fit(FEATURES, X, Y, 0.01);
        double[] unsure = {0.5, 0.5};

        assertThat(model.withThreshold(0.01).says(unsure)).isTrue();
        assertThat(model.withThreshold(0.99).says(unsure)).isFalse();
        assertThat(model.withThreshold(0.99).probability(unsure)).isEqualTo(model.probability(unsure));
    }

    @Test
    void survivesTheRoundTripThroughItsFile(@TempDir Path dir) throws Exception {
        LogisticModel model = LogisticModel.fit(FEATURES, X, Y, 0.01).withThreshold(0.4).withSetting("share", 0.7);
        Path file = dir.resolve("model.json");
        model.write(file);

        LogisticModel read = new com.fasterxml.jackson.databind.ObjectMapper().readValue(Files.readString(file), LogisticModel.class);
        assertThat(read).isEqualTo(model);
        assertThat(read.setting("share", 0)).isEqualTo(0.7);
        assertThat(read.setting("absent", 0.5)).isEqualTo(0.5);
    }

    @Test
    void aNeutralModelSaysYesToEverythingWithOneHalf() {
        LogisticModel neutral = LogisticModel.neutral(FEATURES);

        assertThat(neutral.probability(new double[] {3, -7})).isEqualTo(0.5);
        assertThat(neutral.says(new double[] {0, 0})).isTrue();
    }

    @Test
    void refusesDataItCannotLearnFrom() {
        assertThatThrownBy(() -> LogisticModel.fit(FEATURES, X, new boolean[X.length], 0.01))
                .hasMessageContaining("both classes");
        assertThatThrownBy(() -> LogisticModel.neutral(FEATURES).probability(new double[] {1}))
                .hasMessageContaining("expected 2 features");
    }

    @Test
    void theShippedModelsMatchTheFeaturesTheCodeComputes() {
        AnswerModels shipped = AnswerModels.shipped();

        assertThat(shipped.choice().features()).isEqualTo(EvidenceRanker.FEATURES);
        assertThat(shipped.answerability().features()).isEqualTo(AnswerabilityGate.FEATURES);
        assertThat(shipped.answerability().threshold()).isBetween(0.0, 1.0);
    }
}
