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
                float[][][] outputs = (float[][][]) result.get(0).getValue();
                return IntStream.range(0, rows)
                        .mapToObj(row -> normalize(meanPool(outputs[row], batch.get(row).getIds().length))).toList();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
        }
    }

    /** The mean of the first {@code tokens} outputs: the text's own, padding left out. */
    private static float[] meanPool(float[][] outputs, int tokens) {
        float[] mean = new float[outputs[0].length];
        for (int t = 0; t < tokens; t++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += outputs[t][j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= tokens;
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
