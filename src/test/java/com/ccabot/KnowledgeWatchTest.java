package com.ccabot;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.answer.Answer;
import com.ccabot.config.Secrets;
import com.ccabot.knowledge.KnowledgeWatcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge folder watched while the bot answers: articles added, changed, broken, deleted, in bursts. */
class KnowledgeWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path folder;

    private static Application app;
    private static KnowledgeWatcher watcher;

    @BeforeAll
    static void start() throws IOException {
        try (var files = Files.list(TestPipeline.KNOWLEDGE)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        app = Application.start(TestPipeline.config(Map.of("knowledge.dir", folder.toString())), new Secrets(null, null),
                new SimpleMeterRegistry());
        watcher = app.watchKnowledge();
    }

    @AfterAll
    static void stop() {
        watcher.close();
    }

    @Test
    void anArticleAddedChangedBrokenAndDeletedChangesTheAnswersAsItGoes() throws Exception {
        String question = "How many greenhouses does the demonstration park near Dushanbe have?";
        assertThat(app.answer(question).text()).doesNotContain("48");

        Path article = folder.resolve("2026-03-02-dushanbe-greenhouse-park.md");
        write(article, "48");
        Answer added = await(question, a -> a.answered() && a.text().contains("48"));
        assertThat(added.citations()).anySatisfy(c -> assertThat(c.source()).isEqualTo(article.getFileName().toString()));

        write(article, "64");
        // the answer cached for the old index is not served again
        assertThat(await(question, a -> a.text().contains("64")).text()).doesNotContain("48");

        Files.writeString(article, "", StandardCharsets.UTF_8); // a broken save: the old content keeps serving
        Thread.sleep(2_000);
        assertThat(app.answer(question).text()).contains("64");

        Files.delete(article);
        Answer gone = await(question, a -> a.citations().stream().noneMatch(c -> c.source().equals(article.getFileName().toString())));
        assertThat(gone.text()).doesNotContain("64");
    }

    @Test
    void aBurstOfFiftyArticlesIsTakenInAtOnce() throws Exception {
        Counter reloads = app.meters().counter("cca.reloads", "outcome", "ok");
        double before = reloads.count();
        Path burst = Files.createDirectory(folder.resolve("burst"));
        for (int i = 1; i <= 50; i++) {
            Files.writeString(burst.resolve("2026-04-%02d-lantern-fair-%d.md".formatted(i % 28 + 1, i)), """
                    # Lantern fair number %d opens in Kashgar

                    The lantern fair number %d in Kashgar drew %d exhibitors from the five Central Asian countries.
                    Organisers said the fair would return next spring with more stalls.
                    """.formatted(i, i, 1000 + i), StandardCharsets.UTF_8);
        }
        await("How many exhibitors did lantern fair number 37 in Kashgar draw?", a -> a.text().contains("1037"));
        Thread.sleep(1_500); // any late batch of the burst
        assertThat(reloads.count() - before).as("re-indexings for one burst of 50 files").isBetween(1.0, 3.0);
        assertThat(app.articles()).filteredOn(a -> a.file().startsWith("burst/")).hasSize(50);
    }

    private static void write(Path article, String greenhouses) throws IOException {
        Files.writeString(article, """
                ---
                title: Greenhouse park near Dushanbe opens
                date: 2026-03-02
                source: Test Wire
                ---
                A vegetable demonstration park built with Chinese partners opened near Dushanbe on Monday.
                The demonstration park near Dushanbe has %s greenhouses heated by solar panels.
                Tajik officials said the park would train farmers from across the region.
                """.formatted(greenhouses), StandardCharsets.UTF_8);
    }

    private static Answer await(String question, Predicate<Answer> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Answer answer = app.answer(question);
        while (!done.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + WAIT + " the answer to \"" + question + "\" is still: " + answer.text());
            }
            Thread.sleep(200);
            answer = app.answer(question);
        }
        return answer;
    }
}
