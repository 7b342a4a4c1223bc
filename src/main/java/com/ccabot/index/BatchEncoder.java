package com.ccabot.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs the BERT encoder on many texts per call: texts of similar length are padded to the longest of their batch,
 * and each text's vector is the mean of its own tokens' outputs (the attention mask keeps the padding out of both),
 * normalised — the vectors of langchain4j's one-text-at-a-time encoder, for a fraction of the calls. Texts longer
 * than the model's 512 tokens, which that encoder splits and averages, are handed to it as they are.
 */
final class BatchEncoder {

    /** The model's longest input: 512 tokens with [CLS] and [SEP]. */
    private static final int MAX_TOKENS = 512;
    /** Texts per call: enough to fill the cores' vector units, few enough that padding stays short. */
    static final int BATCH = 32;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    BatchEncoder(OrtEnvironment environment, OrtSession session, InputStream tokenizerJson) throws IOException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false"));
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /**
     * The unit-length vectors of the texts, in their order.
     *
     * @param single embeds one text the way langchain4j does: for texts too long for one call
     */
    List<float[]> embed(List<String> texts, Function<String, float[]> single) {
        float[][] vectors = new float[texts.size()][];
        List<Encoding> encodings = new ArrayList<>(texts.size());
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Encoding encoding = encode(texts.get(i));
            encodings.add(encoding);
            if (encoding == null) {
                vectors[i] = single.apply(texts.get(i));
            } else {
                fitting.add(i);
            }
        }
        fitting.sort(Comparator.comparingInt(i -> encodings.get(i).getIds().length)); // little padding per batch
        for (int from = 0; from < fitting.size(); from += BATCH) {
            List<Integer> batch = fitting.subList(from, Math.min(fitting.size(), from + BATCH));
            List<float[]> pooled = run(batch.stream().map(encodings::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors[batch.get(j)] = pooled.get(j);
            }
        }
        return List.of(vectors);
    }

    /** A text's vector and the vectors of its parts, each the mean of its own tokens' outputs in the whole text. */
    record Pooled(float[] text, List<float[]> parts) {}

    /**
     * Embeds texts made of parts (a chunk: its title, then its sentences) in one pass: each text's vector as
     * {@link #embed} gives it, and each part's vector pooled from the tokens of that part — read in the context of
     * the whole text, at no cost beyond the text's own. A text whose parts do not line up with its tokens, or that
     * is too long for one call, gets its parts embedded on their own instead.
     *
     * @param parts for each text, the parts it is made of, joined by whitespace in order
     */
    List<Pooled> embedWithParts(List<String> texts, List<List<String>> parts, Function<String, float[]> single) {
        Pooled[] pooled = new Pooled[texts.size()];
        List<Encoding> encodings = new ArrayList<>(texts.size());
        List<int[]> spans = new ArrayList<>(texts.size());
        List<Integer> fitting = new ArrayList<>();
        List<Integer> apart = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Encoding encoding = encode(texts.get(i));
            int[] counts = encoding == null ? null : tokenCounts(parts.get(i), encoding);
            encodings.add(encoding);
            spans.add(counts);
            (counts == null ? apart : fitting).add(i);
        }
        fitting.sort(Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        for (int from = 0; from < fitting.size(); from += BATCH) {
            List<Integer> batch = fitting.subList(from, Math.min(fitting.size(), from + BATCH));
            List<float[][]> outputs = outputs(batch.stream().map(encodings::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                int i = batch.get(j);
                float[][] tokens = outputs.get(j);
                int length = encodings.get(i).getIds().length;
                List<float[]> partVectors = new ArrayList<>();
                int start = 1; // after [CLS]
                for (int count : spans.get(i)) {
                    partVectors.add(normalize(meanPool(tokens, start, start + count)));
                    start += count;
                }
                pooled[i] = new Pooled(normalize(meanPool(tokens, 0, length)), partVectors);
            }
        }
        for (int i : apart) {
            pooled[i] = new Pooled(embed(List.of(texts.get(i)), single).get(0), embed(parts.get(i), single));
        }
        return List.of(pooled);
    }

    /** How many tokens each part takes in the encoded text; null when they do not add up to its tokens. */
    private int[] tokenCounts(List<String> parts, Encoding encoding) {
        int[] counts = new int[parts.size()];
        int total = 0;
        for (int p = 0; p < parts.size(); p++) {
            counts[p] = tokenizer.tokenize(parts.get(p)).size() - 2;
            if (counts[p] <= 0) {
                return null;
            }
            total += counts[p];
        }
        return total + 2 == encoding.getIds().length ? counts : null;
    }

    /** The encoding langchain4j's encoder would run for a text, or null when it needs more than one call. */
    private Encoding encode(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        if (tokens.size() > MAX_TOKENS) {
            return null;
        }
        // as langchain4j does: the tokens between [CLS] and [SEP] made into text again, then encoded
        return tokenizer.encode(toText(tokens.subList(1, tokens.size() - 1)), true, false);
    }

    private String toText(List<String> tokens) {
        String text = tokenizer.buildSentence(tokens);
        List<String> again = new LinkedList<>(tokenizer.tokenize(text));
        again.remove(0);
        again.remove(again.size() - 1);
        return again.equals(tokens) ? text : String.join("", tokens);
    }

    private List<float[]> run(List<Encoding> batch) {
        List<float[][]> outputs = outputs(batch);
        return IntStream.range(0, batch.size())
                .mapToObj(row -> normalize(meanPool(outputs.get(row), 0, batch.get(row).getIds().length))).toList();
    }

    /** Each text's token outputs, padding included. */
    private List<float[][]> outputs(List<Encoding> batch) {
        int rows = batch.size();
        int length = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int row = 0; row < rows; row++) {
            Encoding encoding = batch.get(row);
            System.arraycopy(encoding.getIds(), 0, ids, row * length, encoding.getIds().length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, encoding.getAttentionMask().length);
            System.arraycopy(encoding.getTypeIds(), 0, types, row * length, encoding.getTypeIds().length);
        }
        long[] shape = {rows, length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (typeIds) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return List.of((float[][][]) result.get(0).getValue());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    /** The mean of the outputs of tokens {@code from} to {@code to} (exclusive): padding left out. */
    private static float[] meanPool(float[][] outputs, int from, int to) {
        float[] mean = new float[outputs[0].length];
        for (int t = from; t < to; t++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += outputs[t][j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= to - from;
        }
        return mean;
    }

    private static float[] normalize(float[] vector) {
        float sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return unit;
    }
}
