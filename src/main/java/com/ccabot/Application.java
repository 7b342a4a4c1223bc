package com.ccabot;

import com.ccabot.answer.Answer;
import com.ccabot.answer.AnswerBackend;
import com.ccabot.answer.Conversations;
import com.ccabot.answer.ExtractiveBackend;
import com.ccabot.answer.LlmBackend;
import com.ccabot.ask.AnswerMeters;
import com.ccabot.ask.AddedArticle;
import com.ccabot.ask.Assistant;
import com.ccabot.ask.QuestionPipeline;
import com.ccabot.cache.AnswerCache;
import com.ccabot.cache.CacheFigures;
import com.ccabot.config.Config;
import com.ccabot.config.Secrets;
import com.ccabot.index.Indexer;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.ArticleDownloader;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import com.ccabot.knowledge.KnowledgeException;
import com.ccabot.knowledge.KnowledgeRefresh;
import com.ccabot.knowledge.KnowledgeSnapshot;
import com.ccabot.knowledge.KnowledgeWatcher;
import com.ccabot.knowledge.LoadedKnowledge;
import com.ccabot.knowledge.SavedArticle;
import com.ccabot.retrieval.AnswerModels;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.RankFusion;
import com.ccabot.state.SharedState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled bot: the one place where configuration becomes a running pipeline of loader, indexer,
 * retriever, backend and cache.
 */
public final class Application implements Assistant {

    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private static final Duration WARM_UP = Duration.ofMillis(1500);
    private static final int MIN_WARM_UP_WORDS = 3;
    private static final int MAX_WARM_UP_WORDS = 40;
    /** A burst of file events is taken in once the folder has been quiet this long… */
    private static final Duration WATCH_QUIET = Duration.ofMillis(500);
    /** …or after this long at the latest, while files keep coming. */
    private static final Duration WATCH_LONGEST = Duration.ofSeconds(10);
    /** How long a replaced index stays open for the questions still answering from it. */
    private static final Duration RETIRE_AFTER = Duration.ofMinutes(2);
    private static final ScheduledExecutorService RETIRED = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "index-retire");
        thread.setDaemon(true);
        return thread;
    });

    private final Config config;
    private final MiniLmEmbeddingModel model;
    private final AnswerBackend backend;
    private final AnswerModels models;
    private final Conversations conversations;
    private final AnswerCache cache;
    private final AnswerMeters meters;
    private final AtomicReference<QuestionPipeline> answers;
    /** The articles answered from: what a change of the folder is taken into. Guarded by {@code this}. */
    private LoadedKnowledge knowledge;
    private final Duration startup;
    /** The state replicas share, told of reloads; null for a process alone. */
    private final SharedState shared;

    private Application(Config config, MiniLmEmbeddingModel model, AnswerBackend backend, AnswerModels models,
                        Conversations conversations, AnswerCache cache, AnswerMeters meters, LoadedKnowledge knowledge,
                        QuestionPipeline answers, Duration startup, SharedState shared) {
        this.shared = shared;
        this.knowledge = knowledge;
        this.models = models;
        this.conversations = conversations;
        this.cache = cache;
        this.meters = meters;
        this.config = config;
        this.model = model;
        this.backend = backend;
        this.answers = new AtomicReference<>(answers);
        this.startup = startup;
        MeterRegistry registry = meters.registry();
        Gauge.builder("cca.knowledge.articles", this, app -> app.articles().size())
                .description("Articles answers come from").register(registry);
        Gauge.builder("cca.knowledge.chunks", this, Application::passages)
                .description("Passages the articles are split into").register(registry);
    }

    /**
     * Loads the articles and the model, indexes, warms the answer path up, and wires it. Throws {@link com.ccabot.knowledge.KnowledgeException} when there is nothing to answer from.
     */
    public static Application start(Config config) {
        return start(config, Secrets.fromEnvironment(System.getenv()));
    }

    /** Starts with these secrets (the LLM API key) rather than the process environment's. */
    public static Application start(Config config, Secrets secrets) {
        return start(config, secrets, new SimpleMeterRegistry());
    }

    /** Starts with these secrets, counting questions, answers, the cache, the model and reloads in {@code registry}. */
    public static Application start(Config config, Secrets secrets, MeterRegistry registry) {
        return start(config, secrets, registry, null);
    }

    /**
     * As {@link #start(Config, Secrets, MeterRegistry)}, keeping conversations and cached answers in Redis as well,
     * where the other replicas find them, and reloading when another replica says it reloaded; {@code shared} null
     * keeps everything in this process.
     */
    public static Application start(Config config, Secrets secrets, MeterRegistry registry, SharedState shared) {
        long begin = System.nanoTime();
        // the articles first: a missing or empty folder must stop start-up before anything loads or writes
        // what the last start read: only files added or changed since are read and chunked again
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.read(config.index().cacheDir(), config.knowledge().dir(),
                config.index().chunkSize());
        LoadedKnowledge knowledge = new ArticleLoader().load(config.knowledge().dir(), snapshot);
        // the model loads on another core while this thread chunks the articles and compares them with the index
        CompletableFuture<MiniLmEmbeddingModel> loading = CompletableFuture.supplyAsync(() -> embeddingModel(config),
                task -> daemon(task, "embedding-model-load").start());
        AnswerModels models = AnswerModels.shipped();
        AnswerBackend backend = backend(config, secrets, models);
        KnowledgeIndex index = index(config, () -> loaded(loading), knowledge, snapshot);
        MiniLmEmbeddingModel model = loaded(loading);
        Conversations conversations = shared == null
                ? Conversations.local(Conversations.MAX_TURNS, Conversations.FORGET_AFTER)
                : shared.conversations(Conversations.MAX_TURNS, Conversations.FORGET_AFTER);
        AnswerCache cache = new AnswerCache(config.cache().maximumSize(), config.cache().expireAfter(),
                shared == null ? null : shared.answers());
        AnswerMeters meters = new AnswerMeters(registry);
        cache.bindTo(registry);
        backend.bindTo(registry);
        QuestionPipeline answers = pipeline(config, index, models, backend, cache, conversations, meters);
        // warmed up offline, uncounted and uncached: the retrieval path is the same, and an LLM must not be called
        // for practice
        warmUp(pipeline(config, index, models, extractive(config, models), new AnswerCache(0, Duration.ofSeconds(1)),
                Conversations.local(1, Duration.ofSeconds(1)), AnswerMeters.none()), index);
        Duration startup = Duration.ofNanos(System.nanoTime() - begin);
        log.info("ready in {} ms: {}", startup.toMillis(), answers.index().stats());
        Application app = new Application(config, model, backend, models, conversations, cache, meters, knowledge,
                answers, startup, shared);
        if (shared != null) {
            shared.onReloadElsewhere(app::reloadAsTold);
        }
        return app;
    }

    /**
     * Reads the whole knowledge folder again and answers from it from then on, as {@link #refresh} does for every
     * file. A folder that cannot be loaded leaves the old index in place and throws
     * {@link com.ccabot.knowledge.KnowledgeException}.
     */
    @Override
    public String reload() {
        String changed = refresh(Set.of(KnowledgeWatcher.EVERYTHING)).summary();
        if (shared != null) {
            shared.announceReload();
        }
        return changed;
    }

    /** Another replica reloaded its knowledge: this one reads its folder again too, without telling the others. */
    private void reloadAsTold() {
        try {
            refresh(Set.of(KnowledgeWatcher.EVERYTHING));
        } catch (KnowledgeException e) {
            log.warn("{}", e.getMessage());
        }
    }

    /** As {@link #reload()}, returning the index answers come from now. */
    public KnowledgeIndex reloadIndex() {
        reload();
        return index();
    }

    /**
     * Takes changed files of the knowledge folder in: re-reads only those, and when an article was added, changed
     * or deleted, indexes the knowledge again (embedding only the new texts; the rest come from the embedding
     * cache) and swaps the new index in at once. Questions in flight finish on the old index; cached answers of
     * the old index are not served again (the index version is in their key). A file that no longer reads keeps
     * its previous version, with a warning.
     *
     * @param touched paths relative to the knowledge folder, or {@link KnowledgeWatcher#EVERYTHING}
     * @return what changed
     * @throws com.ccabot.knowledge.KnowledgeException when no article would be left; the old index keeps serving
     */
    public synchronized KnowledgeRefresh.Outcome refresh(Set<String> touched) {
        KnowledgeRefresh.Outcome outcome;
        QuestionPipeline fresh;
        try {
            outcome = KnowledgeRefresh.apply(new ArticleLoader(), knowledge, touched);
            if (!outcome.changedAnything()) {
                log.debug("knowledge unchanged: {}", outcome.summary());
                return outcome;
            }
            fresh = pipeline(config, index(config, model, outcome.knowledge()), models, backend, cache, conversations,
                    meters);
        } catch (RuntimeException e) {
            reloads("failed").increment();
            throw e;
        }
        KnowledgeIndex old = answers.getAndSet(fresh).index();
        // questions in flight finish on the old snapshot: its reader is released once they surely have
        RETIRED.schedule(old::close, RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        knowledge = outcome.knowledge();
        reloads("ok").increment();
        log.info("knowledge re-indexed: {}; {}", outcome.summary(), fresh.index().stats());
        return outcome;
    }

    /**
     * Watches the knowledge folder and takes every change in as it comes ({@link #refresh}), a burst of changes
     * at a time; close the watcher to stop.
     */
    public KnowledgeWatcher watchKnowledge() {
        return KnowledgeWatcher.start(config.knowledge().dir(), touched -> {
            try {
                refresh(touched);
            } catch (KnowledgeException e) {
                log.warn("{}", e.getMessage());
            }
        }, WATCH_QUIET, WATCH_LONGEST);
    }

    private Counter reloads(String outcome) {
        return Counter.builder("cca.reloads").description("Reloads of the knowledge folder, by outcome")
                .tag("outcome", outcome).register(meters.registry());
    }

    /**
     * Downloads and saves the article at {@code url}, then takes it in; one addition at a time, so that two additions of
     * the same URL cannot both pass the check that it is new.
     */
    @Override
    public synchronized AddedArticle add(URI url) {
        SavedArticle saved = new ArticleDownloader(config.knowledge().dir(), config.knowledge().allowPrivateUrls()).add(url);
        String file = saved.article().file();
        refresh(Set.of(file)); // only the new file is read; the watcher, if on, then finds nothing left to do
        if (shared != null) {
            shared.announceReload(); // on a shared volume the others find the file; on their own folders they do not
        }
        KnowledgeIndex index = index();
        int passages = (int) index.chunks().stream().filter(chunk -> chunk.article().file().equals(file)).count();
        return new AddedArticle(saved.article(), saved.file(), passages);
    }

    /**
     * Only the index of the knowledge folder, with no answer path on top: what the answer models are fitted on, so
     * fitting works even when the shipped models no longer fit the code.
     */
    public static KnowledgeIndex indexOnly(Config config) {
        LoadedKnowledge knowledge = new ArticleLoader().load(config.knowledge().dir());
        return index(config, embeddingModel(config), knowledge);
    }

    private static MiniLmEmbeddingModel embeddingModel(Config config) {
        ExecutorService embedding = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemonThreads());
        return MiniLmEmbeddingModel.load(config.index().cacheDir(), embedding);
    }

    /** The model loaded in the background, once it is loaded; what stopped it loading is thrown as it was thrown. */
    private static MiniLmEmbeddingModel loaded(CompletableFuture<MiniLmEmbeddingModel> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static KnowledgeIndex index(Config config, MiniLmEmbeddingModel model, LoadedKnowledge knowledge) {
        return index(config, () -> model, knowledge, null);
    }

    /**
     * @param model    gives the model once the indexer needs it, waiting for it while it loads
     * @param snapshot what the start read, kept for the next start; null for a reload, which keeps none
     */
    private static KnowledgeIndex index(Config config, Supplier<MiniLmEmbeddingModel> model, LoadedKnowledge knowledge,
                                        KnowledgeSnapshot snapshot) {
        return new Indexer(model, MiniLmEmbeddingModel.MODEL_ID, new Chunker(config.index().chunkSize()),
                config.index().cacheDir()).index(knowledge, snapshot);
    }

    /**
     * Runs the whole answer path for a moment on questions made from the articles' own sentences, cut to every
     * length from a few words to a long question, so the JIT has compiled the path and ONNX Runtime has planned
     * memory for each input length before the first real question. Nothing is cached.
     */
    private static void warmUp(QuestionPipeline answers, KnowledgeIndex index) {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        List<String> questions = warmUpQuestions(index);
        for (int i = 0; System.nanoTime() < deadline; i++) {
            answers.answerWithoutCache(questions.get(i % questions.size()));
        }
    }

    private static List<String> warmUpQuestions(KnowledgeIndex index) {
        List<String[]> sentences = index.chunks().stream().map(chunk -> chunk.sentences().get(0).split(" ")).toList();
        List<String> questions = new ArrayList<>();
        for (int words = MIN_WARM_UP_WORDS; words <= MAX_WARM_UP_WORDS; words++) {
            String[] sentence = sentences.get(words % sentences.size());
            String text = String.join(" ", Arrays.copyOf(sentence, Math.min(words, sentence.length)));
            questions.add((words % 2 == 0 ? "How many " : "Who ") + text.toLowerCase(Locale.ROOT) + "?");
        }
        return questions;
    }

    private static QuestionPipeline pipeline(Config config, KnowledgeIndex index, AnswerModels models,
                                               AnswerBackend backend, AnswerCache cache, Conversations conversations,
                                               AnswerMeters meters) {
        var retrieval = config.retrieval();
        HybridRetriever retriever = new HybridRetriever(index, RankFusion.valueOf(retrieval.fusion().name()),
                models.ranker(), models.gate(retrieval.minSimilarity(), retrieval.minCoverage()), retrieval.topK());
        return new QuestionPipeline(retriever, backend, cache, config.answer().maxQuestionChars(), conversations, meters);
    }

    private static AnswerBackend backend(Config config, Secrets secrets, AnswerModels models) {
        var answer = config.answer();
        ExtractiveBackend extractive = extractive(config, models);
        return switch (answer.backend()) {
            case ExtractiveBackend.NAME -> extractive;
            case "openai", "ollama" -> new LlmBackend(answer.backend(),
                    ChatModels.of(answer.backend(), config.llm(), secrets.llmApiKey()),
                    ChatModels.streaming(answer.backend(), config.llm(), secrets.llmApiKey()), extractive, config.llm());
            default -> throw new IllegalStateException("no such backend: " + answer.backend());
        };
    }

    private static ExtractiveBackend extractive(Config config, AnswerModels models) {
        return new ExtractiveBackend(config.answer().maxSentences(), config.answer().maxChars(),
                models.choice().setting(ExtractiveBackend.FURTHER_SHARE, ExtractiveBackend.DEFAULT_FURTHER_SHARE));
    }

    public Config config() {
        return config;
    }

    /** The answer path of the current index. */
    public QuestionPipeline answers() {
        return answers.get();
    }

    @Override
    public Answer answer(String message, String conversation, Consumer<String> partial) {
        return answers.get().answer(message, conversation, partial);
    }

    @Override
    public boolean streams() {
        return answers.get().streams();
    }

    @Override
    public String backendName() {
        return answers.get().backendName();
    }

    @Override
    public List<Article> articles() {
        return answers.get().index().articles();
    }

    @Override
    public int passages() {
        return answers.get().index().chunks().size();
    }

    @Override
    public CacheFigures cacheFigures() {
        return answers.get().cacheFigures();
    }

    @Override
    public String backendFigures() {
        return answers.get().backendFigures();
    }

    @Override
    public String indexVersion() {
        return answers.get().index().version();
    }

    @Override
    public MeterRegistry meters() {
        return meters.registry();
    }

    public KnowledgeIndex index() {
        return answers.get().index();
    }

    /** How long {@link #start} took, model loading included. */
    public Duration startup() {
        return startup;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> daemon(task, "embedding-" + count.incrementAndGet());
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
