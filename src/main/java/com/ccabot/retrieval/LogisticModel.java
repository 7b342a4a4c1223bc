package com.ccabot.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A logistic regression over named features: the probability that a sentence answers a question, or that a
 * question can be answered at all. Features are standardised with the mean and scale of the data it was fitted on;
 * {@code threshold} is the probability from which the model says yes, and {@code settings} holds further constants
 * chosen with it on held-out data. Fitted by {@link #fit}, shipped as JSON beside the code.
 */
public record LogisticModel(List<String> features, double[] weights, double bias, double[] mean, double[] scale,
                            double threshold, Map<String, Double> settings) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int EPOCHS = 3000;
    private static final double LEARNING_RATE = 0.5;

    public LogisticModel {
        features = List.copyOf(features);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        if (weights.length != features.size() || mean.length != features.size() || scale.length != features.size()) {
            throw new IllegalArgumentException("a model needs one weight, mean and scale per feature");
        }
        weights = weights.clone();
        mean = mean.clone();
        scale = scale.clone();
    }

    /** A model that knows nothing yet: every row gets one half, and one half is yes. A start for fitting. */
    public static LogisticModel neutral(List<String> features) {
        int d = features.size();
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        return new LogisticModel(features, new double[d], 0, new double[d], ones, 0.5, Map.of());
    }

    /** The probability of yes for one row of feature values, in the order of {@link #features}. */
    public double probability(double[] x) {
        return sigmoid(logit(x));
    }

    /** The log-odds of yes. */
    public double logit(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
        }
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return z;
    }

    public boolean says(double[] x) {
        return probability(x) >= threshold;
    }

    /** A setting chosen with the model, or {@code fallback} when the model file has none. */
    public double setting(String name, double fallback) {
        return settings.getOrDefault(name, fallback);
    }

    public LogisticModel withThreshold(double threshold) {
        return new LogisticModel(features, weights, bias, mean, scale, threshold, settings);
    }

    public LogisticModel withSetting(String name, double value) {
        Map<String, Double> more = new java.util.TreeMap<>(settings);
        more.put(name, value);
        return new LogisticModel(features, weights, bias, mean, scale, threshold, more);
    }

    /**
     * Fits by full-batch gradient descent on the standardised features with an L2 penalty {@code l2}, each class
     * weighed so both count equally; deterministic, so the same data always gives the same weights.
     */
    public static LogisticModel fit(List<String> features, double[][] x, boolean[] y, double l2) {
        return fit(features, x, y, l2, new int[features.size()]);
    }

    /**
     * Fits as {@link #fit(List, double[][], boolean[], double)} with the sign of each weight held to the direction
     * its feature is known to push ({@code +1}: more of it means yes, {@code -1}: no, {@code 0}: either), by
     * projecting the weights after every step. With few examples of one class, a free fit gives a weight the wrong
     * sign whenever it happens to separate those few (more unknown words judged more answerable); the constraint
     * keeps the model to what the feature means.
     */
    public static LogisticModel fit(List<String> features, double[][] x, boolean[] y, double l2, int[] signs) {
        if (signs.length != features.size()) {
            throw new IllegalArgumentException("one sign per feature");
        }
        int n = x.length;
        int d = features.size();
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("fitting needs rows, one label each");
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            for (double[] row : x) {
                mean[j] += row[j] / n;
            }
            double variance = 0;
            for (double[] row : x) {
                variance += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
            scale[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        long positives = 0;
        for (boolean label : y) {
            positives += label ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("fitting needs examples of both classes");
        }
        double positiveWeight = n / (2.0 * positives);
        double negativeWeight = n / (2.0 * (n - positives));
        double[] w = new double[d];
        double b = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] gradient = new double[d];
            double gradientBias = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < d; j++) {
                    z += w[j] * (x[i][j] - mean[j]) / scale[j];
                }
                double error = (sigmoid(z) - (y[i] ? 1 : 0)) * (y[i] ? positiveWeight : negativeWeight);
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * (x[i][j] - mean[j]) / scale[j];
                }
                gradientBias += error;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= LEARNING_RATE * (gradient[j] / n + l2 * w[j]);
                if (signs[j] != 0 && w[j] * signs[j] < 0) {
                    w[j] = 0;
                }
            }
            b -= LEARNING_RATE * gradientBias / n;
        }
        return new LogisticModel(features, round(w), round(b), round(mean), round(scale), 0.5, Map.of());
    }

    /** Reads a model shipped on the class path; a missing or broken one is a build error, said plainly. */
    public static LogisticModel resource(String name) {
        try (InputStream in = LogisticModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the model " + name + " is missing from the class path");
            }
            return JSON.readValue(in, LogisticModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + name, e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model " + file, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogisticModel m && features.equals(m.features) && java.util.Arrays.equals(weights, m.weights)
                && bias == m.bias && java.util.Arrays.equals(mean, m.mean) && java.util.Arrays.equals(scale, m.scale)
                && threshold == m.threshold && settings.equals(m.settings);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(features, java.util.Arrays.hashCode(weights), bias, threshold);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("bias %.3f".formatted(bias));
        for (int i = 0; i < weights.length; i++) {
            text.append(", ").append(features.get(i)).append(" %.3f".formatted(weights[i]));
        }
        return text.append(", threshold %.3f".formatted(threshold)).append(", ").append(settings).toString();
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Six decimals: enough for the scores, and a shipped file that reads well and diffs cleanly. */
    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static double[] round(double[] values) {
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = round(values[i]);
        }
        return rounded;
    }
}
