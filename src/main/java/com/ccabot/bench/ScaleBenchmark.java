package com.ccabot.bench;

import com.ccabot.Application;
import com.ccabot.ask.QuestionPipeline;
import com.ccabot.config.Config;
import com.ccabot.eval.EvalQuestion;
import com.ccabot.eval.EvalReport;
import com.ccabot.eval.EvalResult;
import com.ccabot.eval.EvalRunner;
import com.ccabot.index.IndexStats;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.Chunk;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures cca-bot on a large knowledge folder: cold indexing against the embedding model's raw rate in the same
 * run, a warm start in a fresh JVM with its heap and resident memory, retrieval and answer latency, the vector
 * search's recall@10 against exact search, and the pass rate of a question set about articles hidden among the
 * others.
 */
public final class ScaleBenchmark {

    public static final int DEFAULT_RAW_TEXTS = 2000;
    static final int RECALL_QUESTIONS = 200;
    static final int RECALL_AT = 10;
    /** The least number of timings a latency's p99 is taken from: every question as many times as that needs. */
    private static final int LATENCY_SAMPLES = 200;
    private static final int RAW_WARM_UP = 20;
    private static final Pattern CHILD_READY = Pattern.compile("(?m)^ready in:\\s+(\\d+) ms");
    private static final Pattern CHILD_MEMORY = Pattern.compile("(?m)^memory:\\s+(.+)$");

    private final List<String> questions;
    private final List<EvalQuestion> questionSet;
    private final int rawTexts;
    private final long seed;
    private final PrintStream out;

    /**
     * @param questions   asked for the latencies
     * @param questionSet graded with the articles hidden among the others; empty to leave that out
     * @param rawTexts    how many chunk texts the model embeds directly for its raw rate
     * @param seed        picks the chunks the recall questions are made from
     */
    public ScaleBenchmark(List<String> questions, List<EvalQuestion> questionSet, int rawTexts, long seed,
                          PrintStream out) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one question");
        }
        if (rawTexts < 1) {
            throw new IllegalArgumentException("the raw rate needs at least one text, not " + rawTexts);
        }
        this.questions = List.copyOf(questions);
        this.questionSet = List.copyOf(questionSet);
        this.rawTexts = rawTexts;
        this.seed = seed;
        this.out = out;
    }

    /**
     * Runs every measurement and prints a line for each.
     *
     * @param config    the configuration, its knowledge folder the one to measure and its cache folder empty
     * @param warmStart the command line of a fresh JVM that starts on the cache this run fills and prints its
     *                  memory ({@code index --memory …}); null to leave the warm start out
     */
    public void run(Config config, List<String> warmStart) throws IOException, InterruptedException {
        Application app = Application.start(config);
        KnowledgeIndex index = app.index();
        IndexStats stats = index.stats();
        double seconds = stats.elapsed().toNanos() / 1e9;
        double chunkRate = stats.chunks() / seconds;
        double rawRate = rawRate(config, index.chunks());
        out.printf("model raw rate:           %6.1f chunk texts/s  (%d chunk texts through the model, %d threads)%n",
                rawRate, Math.min(rawTexts, stats.chunks()), Runtime.getRuntime().availableProcessors());
        out.printf("cold index:               %d chunks in %.1f s = %.1f chunks/s, %.2f of the raw rate"
                        + "  (%d articles; %d texts embedded: chunks and sentences)%n",
                stats.chunks(), seconds, chunkRate, chunkRate / rawRate, stats.articles(), stats.embedded());
        out.printf("ready, cold cache:        %6d ms  (this JVM: model, articles, embedding everything, warm-up)%n",
                app.startup().toMillis());
        if (warmStart != null) {
            warmStart(warmStart);
        }
        latencies(app.answers());
        List<String> recallQuestions = VectorRecall.questions(index.chunks(), RECALL_QUESTIONS, seed);
        out.printf("vector recall@%d:         %.3f against exact search  (%d questions made from the articles' sentences)%n",
                RECALL_AT, VectorRecall.of(index, recallQuestions, RECALL_AT), recallQuestions.size());
        if (questionSet.isEmpty()) {
            out.println("question set:             left out (--questions is not a .jsonl question set)");
        } else {
            questionSet(app.answers());
        }
    }

    /** Chunk texts a second per the model alone, on chunks spread evenly over the index, after a short warm-up. */
    private double rawRate(Config config, List<Chunk> chunks) {
        List<TextSegment> texts = new ArrayList<>();
        int count = Math.min(rawTexts, chunks.size());
        for (int i = 0; i < count; i++) {
            Chunk chunk = chunks.get((int) ((long) i * chunks.size() / count));
            texts.add(TextSegment.from(chunk.article().title() + "\n" + chunk.text())); // as the indexer embeds it
        }
        // the executor the application gives its model: a thread per core
        ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemons());
        try {
            MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(config.index().cacheDir(), executor);
            model.embedAll(texts.subList(0, Math.min(RAW_WARM_UP, texts.size())));
            long start = System.nanoTime();
            model.embedAll(texts);
            return texts.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    private void warmStart(List<String> command) throws IOException, InterruptedException {
        Path printed = Files.createTempFile("cca-bench-warm", ".txt");
        Path errors = Files.createTempFile("cca-bench-warm", ".err");
        String output;
        long wall;
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(errors.toFile())
                    .redirectOutput(printed.toFile()).start();
            boolean finished = process.waitFor(30, TimeUnit.MINUTES);
            if (!finished || process.exitValue() != 0) {
                process.destroyForcibly();
                // what the child said last: the reason, not only that it failed
                List<String> said = Files.readAllLines(errors, StandardCharsets.UTF_8);
                throw new IllegalStateException("the warm start " + (finished ? "failed (exit " + process.exitValue() + ")"
                        : "took over 30 minutes") + ": " + String.join(" ", command.subList(command.indexOf("index"), command.size()))
                        + "; its last words: " + String.join(" | ", said.subList(Math.max(0, said.size() - 5), said.size())));
            }
            wall = (System.nanoTime() - start) / 1_000_000;
            output = Files.readString(printed, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(printed);
            Files.deleteIfExists(errors);
        }
        Matcher ready = CHILD_READY.matcher(output);
        Matcher memory = CHILD_MEMORY.matcher(output);
        if (!ready.find() || !memory.find()) {
            throw new IllegalStateException("the warm start printed no ready time or memory:\n" + output);
        }
        out.printf("ready, warm cache:        %6d ms  (new JVM on the cache just built; %s ms by its own clock)%n",
                wall, ready.group(1));
        out.printf("memory after warm start:  %s  (that JVM)%n", memory.group(1));
    }

    /** Retrieval and answer timed in turn on each question, so that both meet the same moments of a busy machine. */
    private void latencies(QuestionPipeline answers) {
        questions.forEach(answers::retrieve);
        List<Double> retrieval = new ArrayList<>();
        List<Double> answering = new ArrayList<>();
        int rounds = (LATENCY_SAMPLES + questions.size() - 1) / questions.size();
        for (int round = 0; round < rounds; round++) {
            for (String question : questions) {
                retrieval.add(millis(() -> answers.retrieve(question)));
                answering.add(millis(() -> answers.answerWithoutCache(question)));
            }
        }
        print("retrieval latency:        p50 %.2f ms, p99 %.2f ms  (%d retrievals)%n", retrieval);
        print("uncached answer latency:  p50 %.2f ms, p99 %.2f ms  (%d answers)%n", answering);
    }

    private static double millis(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private void print(String format, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(format, EvalReport.percentile(sorted, 50), EvalReport.percentile(sorted, 99), sorted.length);
    }

    /** The set's pass rate, and how often its fact questions and all it expects sources for cite the right article. */
    private void questionSet(QuestionPipeline answers) {
        EvalReport report = new EvalRunner(answers).run(questionSet);
        List<EvalResult> facts = report.results().stream().filter(r -> r.question().kind().equals("fact")).toList();
        List<EvalResult> sourced = report.results().stream()
                .filter(r -> r.question().answered() && !r.question().sources().isEmpty()).toList();
        List<String> failed = report.results().stream().filter(r -> !r.passed()).map(r -> r.question().id()).toList();
        out.printf("question set:             %d/%d passed with the real articles among the others; fact questions"
                        + " answered from the right article %d/%d, all with sources %d/%d%s%n",
                report.passed(), report.results().size(), rightArticle(facts), facts.size(), rightArticle(sourced),
                sourced.size(), failed.isEmpty() ? "" : "  (failed: " + String.join(", ", failed) + ")");
    }

    private static long rightArticle(List<EvalResult> results) {
        return results.stream().filter(r -> r.answer().answered() && r.sourceHit()).count();
    }

    /** The command line of a fresh JVM running cca-bot with {@code arguments}. */
    public static List<String> javaCommand(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main"));
        command.addAll(arguments);
        return command;
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "raw-embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
