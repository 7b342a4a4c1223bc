package com.ccabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real program in a child JVM, as a user or a script would, because answers are written straight to the
 * process's standard output. One embedding cache is shared by the class so only the first run embeds.
 */
class RunningProgramTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path cache;

    @TempDir
    Path work;

    @Test
    void askJsonAnswersItsArgumentWithExactlyOneContractLine() throws Exception {
        Run run = run("", "ask", "--json", "How many Chinese-invested enterprises operate in Uzbekistan?");

        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stdout).endsWith("\n");
        List<String> lines = run.stdout.lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode answer = JSON.readTree(lines.get(0));
        assertThat(answer.fieldNames()).toIterable()
                .containsExactly("question", "answer", "answered", "citations", "backend", "cached", "latency_ms");
        assertThat(answer.get("question").asText()).isEqualTo("How many Chinese-invested enterprises operate in Uzbekistan?");
        assertThat(answer.get("answered").isBoolean()).isTrue();
        assertThat(answer.get("answered").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText()).contains("[1]");
        assertThat(answer.get("backend").asText()).isEqualTo("extractive");
        assertThat(answer.get("cached").isBoolean()).isTrue();
        assertThat(answer.get("cached").asBoolean()).isFalse();
        assertThat(answer.get("latency_ms").isNumber()).isTrue();
        assertThat(answer.get("latency_ms").asDouble()).isNotNegative();
        JsonNode citations = answer.get("citations");
        assertThat(citations.isArray()).isTrue();
        assertThat(citations).isNotEmpty();
        for (int i = 0; i < citations.size(); i++) {
            JsonNode citation = citations.get(i);
            assertThat(citation.fieldNames()).toIterable()
                    .containsExactly("n", "source", "title", "date", "score", "quote");
            assertThat(citation.get("n").asInt()).isEqualTo(i + 1);
            assertThat(citation.get("score").isNumber()).isTrue();
            assertThat(citation.get("title").asText()).isNotBlank();
            assertThat(citation.get("quote").asText()).isNotBlank();
        }
        JsonNode first = citations.get(0);
        assertThat(first.get("source").asText()).isEqualTo("2025-11-07-urumqi-cooperation-forum.md");
        assertThat(first.get("date").asText()).isEqualTo("2025-11-07");
        assertThat(run.stderr).doesNotContain("Exception");
    }

    @Test
    void askJsonAnswersEveryNonBlankLineOfStandardInputAndDeclinesWhatTheArticlesDoNotCover() throws Exception {
        Run run = run("Where was the second China-Central Asia Summit held?\n\n   \nWhat is the capital of Brazil?\n",
                "ask", "--json");

        assertThat(run.exit).as(run.stderr).isZero();
        List<String> lines = run.stdout.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode summit = JSON.readTree(lines.get(0));
        JsonNode brazil = JSON.readTree(lines.get(1));
        assertThat(summit.get("question").asText()).isEqualTo("Where was the second China-Central Asia Summit held?");
        assertThat(summit.get("answered").asBoolean()).isTrue();
        assertThat(summit.get("answer").asText()).contains("Astana");
        assertThat(brazil.get("question").asText()).isEqualTo("What is the capital of Brazil?");
        assertThat(brazil.get("answered").asBoolean()).isFalse();
        assertThat(brazil.get("answer").asText()).isNotBlank();
        assertThat(brazil.get("citations")).isEmpty();
        assertThat(run.stderr).doesNotContain("Exception");
    }

    @Test
    void askJsonGivesAVeryLongLineAndALineOfControlCharactersEachAJsonLine() throws Exception {
        String controls = "\u0007\u0000\u001b[31m";
        Run run = run("z".repeat(10_000) + "\n" + controls + "\n", "ask", "--json");

        assertThat(run.exit).as(run.stderr).isZero();
        List<String> lines = run.stdout.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode longLine = JSON.readTree(lines.get(0));
        JsonNode controlLine = JSON.readTree(lines.get(1));
        assertThat(longLine.get("answered").asBoolean()).isFalse();
        assertThat(longLine.get("answer").asText()).isNotBlank();
        assertThat(controlLine.get("answered").asBoolean()).isFalse();
        assertThat(controlLine.get("answer").asText()).isNotBlank();
        assertThat(run.stdout).doesNotContain("\u0007", "\u001b");
        assertThat(run.stderr).doesNotContain("Exception");
    }

    @Test
    void consoleReadsPipedLinesAnswersWithSourcesAndRunsItsCommandsWithoutPrompts() throws Exception {
        Run run = run(":sources\nWhere was the second China-Central Asia Summit held?\n:stats\n:quit\n"
                + "What is never asked because the user left?\n", "console");

        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stdout).contains("I answer from 5 articles:", "1. ", "5. ")
                .contains("Astana", "[1]", "Sources:")
                .contains("questions: 1")
                .doesNotContain("you>");
        assertThat(run.stdout.indexOf("I answer from")).isLessThan(run.stdout.indexOf("Astana"));
        assertThat(run.stdout.indexOf("Astana")).isLessThan(run.stdout.indexOf("questions: 1"));
        assertThat(run.stdout).doesNotContain("questions: 2");
        assertThat(run.stderr).doesNotContain("Exception");
    }

    @Test
    void withLogFormatJsonEveryLineOnStandardErrorIsAJsonObject() throws Exception {
        Run run = run("", "ask", "How many Chinese-invested enterprises operate in Uzbekistan?",
                "--set", "log.format=json", "--set", "log.level=debug");

        assertThat(run.exit).as(run.stderr).isZero();
        assertThat(run.stdout).contains("[1]");
        List<String> lines = run.stderr.lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.isObject()).as(line).isTrue();
            assertThat(record.get("level").asText()).as(line).isIn("ERROR", "WARN", "INFO", "DEBUG");
            assertThat(record.get("message").asText()).as(line).isNotBlank();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"message\":\"ready in "));
    }

    private Run run(String stdin, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--set", "index.cache-dir=" + cache));
        Path in = Files.writeString(work.resolve("stdin.txt"), stdin, StandardCharsets.UTF_8);
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cca-bot " + String.join(" ", arguments) + " did not finish in 120 s; stderr: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String stdout, String stderr) {}
}
