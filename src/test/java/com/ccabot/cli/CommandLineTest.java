package com.ccabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path work;

    @Test
    void printsVersionAndHelpListingEverySubCommand() {
        StringWriter out = new StringWriter();
        var commandLine = CcaBotCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));

        assertThat(commandLine.execute("--version")).isZero();
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("cca-bot 0.", "console", "ask", "eval", "index", "bench", "--knowledge");
    }

    @Test
    void usageAndConfigurationErrorsExitWithTwoAndAMessage() {
        StringWriter err = new StringWriter();
        var commandLine = CcaBotCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("--no-such-option")).isEqualTo(2);
        assertThat(commandLine.execute("--set", "retrieval.top-k=abc", "ask", "hello")).isEqualTo(2);
        assertThat(commandLine.execute("--knowledge", work.resolve("none").toString(), "ask", "hello")).isEqualTo(2);
        assertThat(commandLine.execute("--backend", "gpt", "ask", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("retrieval.top-k", "does not exist", "allowed: extractive, openai, ollama");
    }

    @Test
    void askJsonPrintsOneContractLinePerQuestionAndNothingElse() throws Exception {
        Run run = run("Where was the second China-Central Asia Summit held?\n\nWhat is the capital of Brazil?\n"
                + "z".repeat(10_000) + "\n\u0007\u0000\u001b[31m\n", "ask", "--json");

        assertThat(run.exit).isZero();
        List<String> lines = run.stdout.lines().toList();
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("question", "answer", "answered", "citations", "backend", "cached", "latency_ms");
        assertThat(first.get("answered").asBoolean()).isTrue();
        assertThat(first.get("answer").asText()).contains("Astana", "[1]");
        JsonNode citation = first.get("citations").get(0);
        assertThat(citation.fieldNames()).toIterable().containsExactly("n", "source", "title", "date", "score", "quote");
        assertThat(citation.get("n").asInt()).isEqualTo(1);
        assertThat(json.readTree(lines.get(1)).get("answered").asBoolean()).isFalse();
        assertThat(json.readTree(lines.get(2)).get("answer").asText()).contains("too long");
        assertThat(run.stderr).doesNotContain("Exception");
    }

    private Run run(String stdin, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--knowledge", "src/test/resources/knowledge", "--set", "index.cache-dir=target/test-cache"));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Path in = Files.writeString(work.resolve("in.txt"), stdin, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private record Run(int exit, String stdout, String stderr) {}
}
