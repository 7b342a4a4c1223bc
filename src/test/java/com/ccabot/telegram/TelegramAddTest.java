package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.Application;
import com.ccabot.TestPipeline;
import com.ccabot.config.Config.TelegramSettings;
import com.ccabot.knowledge.TestArticles;
import com.ccabot.knowledge.TestWebServer;
import com.ccabot.telegram.FakeBotApi.Call;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /add URL} in Telegram: an admin adds a news article from the web, and the bot answers from it next. */
class TelegramAddTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String BOT = "cca_test_bot";
    private static final long BOT_ID = 123456789;
    private static final long ADMIN = 42;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path knowledge;

    /** A bot of its own over a copy of the test articles, since adding writes into its folder. */
    private static Application app;
    private static TestWebServer web;

    private FakeBotApi api;
    private TelegramTransport transport;

    @BeforeAll
    static void startTheBotAndAWebSite() throws IOException {
        try (Stream<Path> files = Files.list(TestPipeline.KNOWLEDGE)) {
            for (Path file : files.toList()) {
                Files.copy(file, knowledge.resolve(file.getFileName()));
            }
        }
        // the web site is on this machine, as a news site would not be
        app = Application.start(TestPipeline.config(Map.of("knowledge.dir", knowledge.toString(),
                "knowledge.allow-private-urls", "true")));
        web = TestWebServer.start()
                .serve("/rail/khorgos-dry-port", "text/html; charset=utf-8", TestArticles.khorgosPage())
                .serve("/rail", "text/html", TestArticles.indexPage());
    }

    @AfterAll
    static void stopTheWebSite() {
        web.close();
    }

    @BeforeEach
    void startTheTransport() {
        api = FakeBotApi.start(TOKEN, BOT, BOT_ID);
        transport = TelegramTransport.start(app, new TelegramSettings(URI.create(api.url()), true, Set.of(), Set.of(ADMIN),
                10, 10, StateDirs.fresh(), StateDirs.DRAIN, StateDirs.REPLY_MAX_AGE), TOKEN);
    }

    @AfterEach
    void stop() {
        transport.close();
        api.close();
    }

    @Test
    void anAdminAddsAnArticleByItsUrlAndTheNextQuestionIsAnsweredFromIt() {
        int before = app.articles().size();
        api.privateMessage(ADMIN, "/add " + web.url("/rail/khorgos-dry-port"));

        String added = api.awaitCalls("sendMessage", 1, WAIT).get(0).params().path("text").asText();
        assertThat(added).startsWith("Added <b>" + TestArticles.KHORGOS_TITLE + "</b> (2024-09-10): ")
                .containsPattern("\\): [1-9]\\d* passages?, saved as <code>2024-09-10-khorgos-dry-port-[a-z-]+\\.md</code>")
                .contains("I answer from " + (before + 1) + " articles now.");

        api.privateMessage(7001, "What track gauge do Kazakhstan's railways use?");

        String answer = api.awaitCalls("sendMessage", 2, WAIT).get(1).params().path("text").asText();
        assertThat(answer).contains("1,520", "[1]", "Khorgos dry port moves");
    }

    @Test
    void othersAreToldItIsForAdminsAndNothingIsFetched() {
        int before = app.articles().size();
        int requests = web.requests().size();
        api.privateMessage(7002, "/add " + web.url("/rail/khorgos-dry-port"));

        String reply = api.awaitCalls("sendMessage", 1, WAIT).get(0).params().path("text").asText();
        assertThat(reply).isEqualTo("Sorry, that command is for the bot's admins only.");
        assertThat(web.requests()).hasSize(requests);
        assertThat(app.articles()).hasSize(before);
    }

    @Test
    void anAdminIsToldWhyAPageCannotBeAddedAndHowToUseTheCommand() {
        int before = app.articles().size();
        api.privateMessage(ADMIN, "/add " + web.url("/rail"));
        api.privateMessage(ADMIN, "/add");
        api.privateMessage(ADMIN, "/add file:///etc/passwd");
        api.privateMessage(ADMIN, "/help");
        api.privateMessage(7003, "/help");

        List<Call> sent = api.awaitCalls("sendMessage", 5, WAIT);
        List<String> admin = sent.stream().filter(c -> c.params().path("chat_id").asLong() == ADMIN)
                .map(c -> c.params().path("text").asText()).toList();
        assertThat(admin.get(0)).isEqualTo("Could not add it: no article text found (a navigation or index page?).");
        assertThat(admin.get(1)).startsWith("Usage: <code>/add https://…</code>");
        assertThat(admin.get(2)).isEqualTo("Could not add it: only http and https URLs can be added, not file:.");
        assertThat(admin.get(3)).contains("/add <i>URL</i>", "/reload", "/stats");
        String user = sent.stream().filter(c -> c.params().path("chat_id").asLong() == 7003).findFirst().orElseThrow()
                .params().path("text").asText();
        assertThat(user).contains("/sources").doesNotContain("/add", "/reload");
        assertThat(app.articles()).hasSize(before);
    }
}
