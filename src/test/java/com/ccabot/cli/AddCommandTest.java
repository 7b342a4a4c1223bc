package com.ccabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.knowledge.TestArticles;
import com.ccabot.knowledge.TestWebServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cca-bot add URL} as a user runs it: a separate program fetching from a web server on 127.0.0.1. */
class AddCommandTest {

    @TempDir
    Path work;

    private final TestWebServer web = TestWebServer.start()
            .serve("/rail/khorgos", "text/html; charset=utf-8", TestArticles.khorgosPage())
            .serve("/rail", "text/html", TestArticles.indexPage());

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void savesTheArticleAndSaysWhatItAddedWithoutLoadingTheModel() throws Exception {
        Path knowledge = Files.createDirectories(work.resolve("knowledge"));

        Run run = run("add", web.url("/rail/khorgos").toString(), "--knowledge", knowledge.toString(),
                "--set", "knowledge.allow-private-urls=true");

        assertThat(run.exit).as(run.stderr).isZero();
        Path file = knowledge.resolve("2024-09-10-khorgos-dry-port-moves-china-europe-containers-across-a.md");
        assertThat(run.stdout).contains("added:  " + TestArticles.KHORGOS_TITLE, "date:   2024-09-10",
                "source: " + TestArticles.KHORGOS_OUTLET, "file:   " + file, "url:    " + web.url("/rail/khorgos"));
        assertThat(Files.readString(file)).contains("title: \"" + TestArticles.KHORGOS_TITLE + "\"", "1,520-millimetre");
        assertThat(work.resolve("cache")).as("the embedding model's cache: not loaded, not created").doesNotExist();
    }

    @Test
    void refusesThisMachineWhenPrivateAddressesAreNotAllowedAndAPageWithoutArticle() throws Exception {
        Path knowledge = Files.createDirectories(work.resolve("knowledge"));

        Run refused = run("add", web.url("/rail/khorgos").toString(), "--knowledge", knowledge.toString());
        Run index = run("add", web.url("/rail").toString(), "--knowledge", knowledge.toString(),
                "--set", "knowledge.allow-private-urls=true");

        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.stderr).contains("could not add " + web.url("/rail/khorgos") + ": 127.0.0.1, a private address",
                "knowledge.allow-private-urls").doesNotContain("Exception");
        assertThat(index.exit).isEqualTo(1);
        assertThat(index.stderr).contains("no article text found (a navigation or index page?)");
        assertThat(refused.stdout + index.stdout).isEmpty();
        try (var files = Files.list(knowledge)) {
            assertThat(files).isEmpty();
        }
    }

    private Run run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.ccabot.cli.Main"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--set", "index.cache-dir=" + work.resolve("cache")));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private record Run(int exit, String stdout, String stderr) {}
}
