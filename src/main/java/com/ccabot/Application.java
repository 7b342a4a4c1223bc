package com.ccabot;

import com.ccabot.answer.AnswerBackend;
import com.ccabot.answer.AnswerService;
import com.ccabot.answer.ExtractiveBackend;
import com.ccabot.cache.AnswerCache;
import com.ccabot.config.Config;
import com.ccabot.index.Indexer;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import com.ccabot.knowledge.LoadedKnowledge;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.RankFusion;
import com.ccabot.retrieval.RelevanceGate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled bot: the one place where configuration becomes a running pipeline of loader, indexer,
 * retriever, backend and cache.
 */
public final class Application {

    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private static final Duration WARM_UP = Duration.ofMillis(600);

    private final Config config;
    private final AnswerService answers;
    private final Duration startup;

    private Application(Config config, AnswerService answers, Duration startup) {
        this.config = config;
        this.answers = answers;
        this.startup = startup;
    }

    /**
     * Loads the articles and the model, indexes, warms the answer path up, and wires it. Throws {@link com.ccabot.knowledge.KnowledgeException} when there is nothing to answer from.
     */
    public static Application start(Config config) {
        long begin = System.nanoTime();
        // the articles first: a missing or empty folder must stop start-up before anything loads or writes
        LoadedKnowledge knowledge = new ArticleLoader().load(config.knowledge().dir());
        ExecutorService embedding = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemonThreads());
        MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(config.index().cacheDir(), embedding);
        KnowledgeIndex index = new Indexer(model, MiniLmEmbeddingModel.MODEL_ID,
                new Chunker(config.index().chunkSize()), config.index().cacheDir()).index(knowledge);
        AnswerService answers = answerService(config, index);
        warmUp(answers, index);
        Duration startup = Duration.ofNanos(System.nanoTime() - begin);
        log.info("ready in {} ms: {}", startup.toMillis(), index.stats());
        return new Application(config, answers, startup);
    }

    /**
     * Runs the whole answer path on questions made from the articles' titles for a moment, so the JIT has compiled
     * it and the runtime has its buffers before the first real question; nothing is cached.
     */
    private static void warmUp(AnswerService answers, KnowledgeIndex index) {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        List<String> questions = index.articles().stream()
                .flatMap(article -> Stream.of("What about " + article.title() + "?", "who " + misspelt(article.title())))
                .toList();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            answers.answerWithoutCache(questions.get(i % questions.size()));
        }
    }

    private static AnswerService answerService(Config config, KnowledgeIndex index) {
        var retrieval = config.retrieval();
        HybridRetriever retriever = new HybridRetriever(index, RankFusion.valueOf(retrieval.fusion().name()),
                new RelevanceGate(retrieval.minSimilarity(), retrieval.minCoverage()), retrieval.topK());
        AnswerCache cache = new AnswerCache(config.cache().maximumSize(), config.cache().expireAfter());
        return new AnswerService(retriever, backend(config), cache, config.answer().maxQuestionChars());
    }

    private static AnswerBackend backend(Config config) {
        var answer = config.answer();
        return switch (answer.backend()) {
            case ExtractiveBackend.NAME -> new ExtractiveBackend(answer.maxSentences(), answer.maxChars());
            default -> throw new IllegalStateException("no such backend: " + answer.backend());
        };
    }

    /** The title with each word's last two letters swapped, so warming up also exercises spelling correction. */
    private static String misspelt(String title) {
        return java.util.Arrays.stream(title.split(" "))
                .map(word -> word.length() < 5 ? word
                        : word.substring(0, word.length() - 2) + word.charAt(word.length() - 1) + word.charAt(word.length() - 2))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    public Config config() {
        return config;
    }

    public AnswerService answers() {
        return answers;
    }

    public KnowledgeIndex index() {
        return answers.index();
    }

    /** How long {@link #start} took, model loading included. */
    public Duration startup() {
        return startup;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
