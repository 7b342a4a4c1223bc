package com.ccabot.bench;

import com.ccabot.Application;
import com.ccabot.ask.QuestionPipeline;
import com.ccabot.eval.EvalReport;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Measures the figures cca-bot promises on this machine: time to ready with a cold and a warm embedding cache
 * (each in a fresh JVM, as a user starts it), uncached and cached answer latency, answers per second with one and
 * with four concurrent askers, and heap used after indexing.
 */
public final class Benchmark {

    private static final int WARM_UP_ROUNDS = 5;
    private static final long THROUGHPUT_MILLIS = 3_000;

    private final List<String> questions;
    private final PrintStream out;

    public Benchmark(List<String> questions, PrintStream out) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one question");
        }
        this.questions = List.copyOf(questions);
        this.out = out;
    }

    /** Times start-up in child JVMs running {@code index} with {@code childArguments}, first cold then warm. */
    public void startup(List<String> childArguments) throws IOException, InterruptedException {
        Path cache = Files.createTempDirectory("cca-bench-cache");
        try {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "com.ccabot.cli.Main", "index", "--set", "index.cache-dir=" + cache));
            command.addAll(childArguments);
            out.printf("ready, cold cache:        %6d ms  (new JVM: model, articles, embedding everything)%n", timeProcess(command));
            out.printf("ready, warm cache:        %6d ms  (new JVM: model and embeddings from the cache)%n", timeProcess(command));
        } finally {
            try (Stream<Path> files = Files.walk(cache)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Latency, throughput and memory of an application already started. */
    public void answering(Application app) throws InterruptedException {
        QuestionPipeline answers = app.answers();
        out.printf("heap used after indexing: %6.1f MB%n", heapAfterGc() / 1e6);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            questions.forEach(answers::answerWithoutCache);
        }
        double[] uncached = latencies(answers, false, 20);
        out.printf("uncached answer latency:  p50 %.2f ms, p99 %.2f ms  (%d answers)%n",
                EvalReport.percentile(uncached, 50), EvalReport.percentile(uncached, 99), uncached.length);
        questions.forEach(answers::answer);
        double[] cached = latencies(answers, true, 50);
        out.printf("cached answer latency:    p50 %.4f ms, p99 %.4f ms%n",
                EvalReport.percentile(cached, 50), EvalReport.percentile(cached, 99));
        out.printf("throughput, 1 asker:      %6.0f uncached answers/s%n", throughput(answers, 1));
        out.printf("throughput, 4 askers:     %6.0f uncached answers/s%n", throughput(answers, 4));
    }

    private double[] latencies(QuestionPipeline answers, boolean cached, int rounds) {
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String question : questions) {
                long start = System.nanoTime();
                if (cached) {
                    answers.answer(question);
                } else {
                    answers.answerWithoutCache(question);
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private double throughput(QuestionPipeline answers, int askers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(askers);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int asker = 0; asker < askers; asker++) {
            int offset = asker;
            counts.add(pool.submit(() -> {
                long count = 0;
                for (int i = offset; !stop.get(); i++) {
                    answers.answerWithoutCache(questions.get(i % questions.size()));
                    count++;
                }
                return count;
            }));
        }
        Thread.sleep(THROUGHPUT_MILLIS);
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            try {
                total += count.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("an asker failed", e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        return total / seconds;
    }

    private static long timeProcess(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the timed start-up failed: " + String.join(" ", command));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
