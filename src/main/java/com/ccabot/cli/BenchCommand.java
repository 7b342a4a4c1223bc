package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.bench.Benchmark;
import com.ccabot.bench.ReplicaBenchmark;
import com.ccabot.eval.EvalQuestion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bench}: prints start-up time, latency, throughput and memory for the configured knowledge. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure ready time (cold and warm cache), answer latency, throughput and heap.")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "eval/dev-questions.jsonl",
            description = "questions to ask: a .jsonl question set or one question a line (default: ${DEFAULT-VALUE})")
    Path questions;

    @Option(names = "--skip-startup", description = "do not time start-ups in fresh JVMs")
    boolean skipStartup;

    @Option(names = "--replicas", description = "measure one and two replicas sharing a Redis (needs redis-server):"
            + " answers/s through webhooks and /api/ask, Redis commands per question")
    boolean replicas;

    @Option(names = "--llm-latency", paramLabel = "DURATION", description = "with --replicas: answer with the openai"
            + " backend from a stand-in model taking this long an answer, e.g. 2s (default: the configured backend)")
    String llmLatency;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream out = Output.utf8();
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

    private static List<String> read(Path file) throws IOException {
        if (file.toString().endsWith(".jsonl")) {
            return EvalQuestion.read(file).stream().map(EvalQuestion::question).toList();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    }
}
