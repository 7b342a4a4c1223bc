package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.bench.Benchmark;
import com.ccabot.bench.ScaleBenchmark;
import com.ccabot.bench.SyntheticCorpus;
import com.ccabot.config.Config;
import com.ccabot.config.ConfigException;
import com.ccabot.bench.ReplicaBenchmark;
import com.ccabot.eval.EvalQuestion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench}: prints start-up time, latency, throughput and memory for the configured knowledge; with
 * {@code --chunks}, the figures at scale on a synthetic corpus.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure ready time (cold and warm cache), answer latency, throughput and heap.",
                "With --chunks N: generate (or reuse) a seeded synthetic corpus of about N chunks with the real articles"
                        + " among them (with --knowledge DIR: measure that folder as it is) and measure cold indexing"
                        + " against the model's raw rate, warm start, heap and RSS, retrieval and answer latency,"
                        + " vector recall@10 against exact search, and the question set's pass rate."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "eval/dev-questions.jsonl",
            description = "questions to ask: a .jsonl question set or one question a line (default: ${DEFAULT-VALUE})")
    Path questions;

    @Option(names = "--skip-startup", description = "do not time start-ups in fresh JVMs")
    boolean skipStartup;

    @Option(names = "--chunks", paramLabel = "N",
            description = "benchmark at scale on a synthetic corpus of about N chunks, the real articles among them,"
                    + " kept in <index.cache-dir>/bench-corpus for the next run")
    Integer chunks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SyntheticCorpus.DEFAULT_SEED,
            description = "with --chunks: the seed of the synthetic corpus and of the recall questions (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--raw-texts", paramLabel = "N", defaultValue = "" + ScaleBenchmark.DEFAULT_RAW_TEXTS,
            description = "with --chunks: chunk texts embedded directly to measure the model's raw rate (default: ${DEFAULT-VALUE})")
    int rawTexts;
    @Option(names = "--replicas", description = "measure one and two replicas sharing a Redis (needs redis-server):"
            + " answers/s through webhooks and /api/ask, Redis commands per question")
    boolean replicas;

    @Option(names = "--llm-latency", paramLabel = "DURATION", description = "with --replicas: answer with the openai"
            + " backend from a stand-in model taking this long an answer, e.g. 2s (default: the configured backend)")
    String llmLatency;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream out = Output.utf8();
        if (chunks != null) {
            atScale(out);
            out.flush();
            return 0;
        }
        Benchmark benchmark = new Benchmark(read(questions), out);
        out.printf("cca-bot bench on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        if (replicas) {
            java.time.Duration latency = llmLatency == null ? null : llmLatency.endsWith("ms")
                    ? java.time.Duration.ofMillis(Long.parseLong(llmLatency.substring(0, llmLatency.length() - 2)))
                    : java.time.Duration.parse("PT" + llmLatency.toUpperCase(java.util.Locale.ROOT));
            new ReplicaBenchmark(read(questions), out, childArguments(), latency).run();
            out.flush();
            return 0;
        }
        if (!skipStartup) {
            benchmark.startup(childArguments());
        }
        benchmark.answering(Application.start(root.config()));
        out.flush();
        return 0;
    }

    /** The figures at scale: on the folder given with --knowledge, or else on a synthetic corpus. */
    private void atScale(PrintStream out) throws IOException, InterruptedException {
        if (chunks < 1 || rawTexts < 1) {
            throw new ConfigException("--chunks and --raw-texts must be at least 1");
        }
        Config base = root.config();
        out.printf("cca-bot bench --chunks %d on %d cores, Java %s%n", chunks, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        Path corpus = root.knowledge != null ? root.knowledge : synthetic(base, out);
        if (root.knowledge != null) {
            out.printf("corpus:                   %s  (given with --knowledge, read as it is)%n", corpus);
        }
        Path cache = Files.createTempDirectory("cca-bench-cache");
        try {
            Config config = root.config(Map.of("knowledge.dir", corpus.toString(), "index.cache-dir", cache.toString()));
            List<String> warmStart = null;
            if (!skipStartup) {
                List<String> arguments = new ArrayList<>(List.of("index", "--memory"));
                arguments.addAll(childArguments(corpus, cache));
                warmStart = ScaleBenchmark.javaCommand(arguments);
            }
            List<EvalQuestion> questionSet = isQuestionSet(questions) ? EvalQuestion.read(questions) : List.of();
            new ScaleBenchmark(read(questions), questionSet, rawTexts, seed, out).run(config, warmStart);
        } finally {
            try (Stream<Path> files = Files.walk(cache)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Path synthetic(Config base, PrintStream out) {
        long start = System.nanoTime();
        SyntheticCorpus corpus;
        try {
            corpus = SyntheticCorpus.prepare(base.knowledge().dir(), base.index().cacheDir().resolve("bench-corpus"),
                    new SyntheticCorpus.Recipe(chunks, seed, base.index().chunkSize()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--chunks " + chunks + ": " + e.getMessage());
        }
        String how = corpus.reused() ? "reused" : String.format(Locale.ROOT, "written in %.1f s",
                (System.nanoTime() - start) / 1e9);
        out.printf("corpus:                   %s  (%s; seed %d)%n", corpus.dir(), how, seed);
        out.printf("                          %s%n", corpus.summary());
        return corpus.dir();
    }

    /** The options of this run for a child JVM on {@code knowledge} with the embedding cache in {@code cache}. */
    private List<String> childArguments(Path knowledge, Path cache) {
        List<String> arguments = new ArrayList<>();
        if (root.configFile != null) {
            arguments.addAll(List.of("--config", root.configFile.toString()));
        }
        arguments.addAll(List.of("--knowledge", knowledge.toString(), "--set", "index.cache-dir=" + cache));
        root.settings.forEach((key, value) -> {
            if (!key.equals("index.cache-dir") && !key.equals("knowledge.dir")) {
                arguments.addAll(List.of("--set", key + "=" + value));
            }
        });
        return arguments;
    }

    /** The options this run was given, so the timed child JVMs index the same knowledge. */
    private List<String> childArguments() {
        List<String> arguments = new ArrayList<>();
        if (root.configFile != null) {
            arguments.addAll(List.of("--config", root.configFile.toString()));
        }
        if (root.knowledge != null) {
            arguments.addAll(List.of("--knowledge", root.knowledge.toString()));
        }
        root.settings.forEach((key, value) -> {
            if (!key.equals("index.cache-dir")) {
                arguments.addAll(List.of("--set", key + "=" + value));
            }
        });
        return arguments;
    }

    private static boolean isQuestionSet(Path file) {
        return file.toString().endsWith(".jsonl");
    }

    private static List<String> read(Path file) throws IOException {
        if (isQuestionSet(file)) {
            return EvalQuestion.read(file).stream().map(EvalQuestion::question).toList();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    }
}
