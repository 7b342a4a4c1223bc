package com.ccabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --chunks}: the figures at scale, run as a user runs it, on a small synthetic corpus. */
class BenchAtScaleTest {

    @TempDir
    Path work;

    @Test
    void printsEveryFigureOfABenchmarkAtScale() throws Exception {
        Path cache = work.resolve("cache");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main", "bench", "--chunks", "300",
                "--raw-texts", "40", "--set", "knowledge.dir=src/test/resources/knowledge",
                "--set", "index.cache-dir=" + cache));
        Path out = work.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(work.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).as(printed)
                .containsPattern("(?m)^corpus: .*bench-corpus.chunks-300-seed-11-size-500  \\(written in")
                .containsPattern("(?m)^ +\\d+ articles \\(5 real, \\d+ near-copies of them, \\d+ unrelated, \\d+ on cooperation\\)")
                .containsPattern("(?m)^model raw rate: +\\d+\\.\\d chunk texts/s  \\(40 chunk texts")
                .containsPattern("(?m)^cold index: +\\d+ chunks in \\d+\\.\\d s = \\d+\\.\\d chunks/s, \\d\\.\\d\\d of the raw rate")
                .containsPattern("(?m)^ready, cold cache: +\\d+ ms")
                .containsPattern("(?m)^ready, warm cache: +\\d+ ms  \\(new JVM .*; \\d+ ms by its own clock\\)")
                .containsPattern("(?m)^memory after warm start:  heap \\d+\\.\\d MB used after GC, RSS \\d+ MB")
                .containsPattern("(?m)^retrieval latency: +p50 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms")
                .containsPattern("(?m)^uncached answer latency: +p50 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms")
                .containsPattern("(?m)^vector recall@10: +[01]\\.\\d{3} against exact search  \\(200 questions")
                .containsPattern("(?m)^question set: +\\d+/25 passed with the real articles among the others;"
                        + " fact questions answered from the right article \\d+/19, all with sources \\d+/22");
        Matcher chunks = Pattern.compile("cold index: +(\\d+) chunks").matcher(printed);
        assertThat(chunks.find()).isTrue();
        assertThat(Integer.parseInt(chunks.group(1))).isBetween(270, 330);
    }

    @Test
    void aNumberOfChunksBelowOneIsAUsageError() {
        StringWriter err = new StringWriter();
        var commandLine = CcaBotCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("bench", "--chunks", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--chunks");
    }
}
