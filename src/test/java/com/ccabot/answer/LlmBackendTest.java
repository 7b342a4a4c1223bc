package com.ccabot.answer;

import com.ccabot.ask.QuestionPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ccabot.ChatModels;
import com.ccabot.TestPipeline;
import com.ccabot.cache.AnswerCache;
import com.ccabot.config.Config.LlmSettings;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.RankFusion;
import com.ccabot.retrieval.AnswerModels;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LlmBackendTest {

    private static final String KEY = "sk-test-secret-0123456789abcdef";
    private static final String QUESTION = "Where was the second China-Central Asia Summit held?";

    private FakeLlmServer llm;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        llm = FakeLlmServer.start();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        llm.close();
    }

    /** The backend's meters, as /metrics exports them. */
    private final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    @Test
    void sendsTheModelTheNumberedPassagesTheQuestionAndTheKey() {
        llm.replies("The second summit was held in Astana, Kazakhstan [1].");

        Answer answer = service("openai", settings(2, Duration.ofSeconds(30), Duration.ofSeconds(5))).answer(QUESTION);

        FakeLlmServer.Request request = llm.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.body().path("model").asText()).isEqualTo("test-model");
        assertThat(request.messages()).contains("system: You answer questions about China–Central Asia cooperation",
                "[1] ", "[2] ", "<passages>", "</passages>", "<question>\n" + QUESTION, "language the question is written in");
        assertThat(answer.answered()).isTrue();
        assertThat(answer.backend()).isEqualTo("openai");
        assertThat(answer.fallback()).isFalse();
        assertThat(answer.text()).isEqualTo("The second summit was held in Astana, Kazakhstan [1].");
        assertThat(answer.citations()).singleElement().satisfies(c -> {
            assertThat(c.n()).isEqualTo(1);
            String givenAsOne = request.messages().substring(request.messages().indexOf("[1] "), request.messages().indexOf("[2] "));
            assertThat(givenAsOne).contains(c.quote()).contains(c.title());
        });
    }

    @Test
    void removesMarkersToPassagesItWasNeverGivenAndCitesOnlyWhatItCited() {
        llm.replies("Astana hosted it [1][9], as the outcomes list shows [2, 17].");

        Answer answer = service("openai", defaults()).answer(QUESTION);

        assertThat(answer.text()).doesNotContain("[9]", "17").contains("[1]", "[2]");
        assertThat(answer.citations()).extracting(Citation::n).containsExactly(1, 2);
    }

    @Test
    void aDontKnowReplyDeclines() {
        llm.replies("I don't know.");

        Answer answer = service("openai", defaults()).answer("What did the leaders eat at the Astana summit dinner?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.citations()).isEmpty();
    }

    @Test
    void aReplyWithoutAnyValidCitationFallsBackToTheOfflineAnswer() {
        llm.replies("It was held in Astana.");

        Answer answer = service("openai", defaults()).answer(QUESTION);

        assertThat(answer.fallback()).isTrue();
        assertThat(answer.backend()).isEqualTo("extractive");
        assertThat(answer.text()).contains("Astana", "[1]", "Offline answer");
    }

    @Test
    void serverErrorsErrorPagesAndTimeoutsFallBackWithOneWarningPerOutage() {
        llm.failsWith500()
                .fails(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
                .repliesAfter(Duration.ofSeconds(3), "too late [1]");
        QuestionPipeline answers = service("openai", settings(10, Duration.ofSeconds(1), Duration.ofSeconds(5)));

        for (String question : new String[] {QUESTION, "How many pairs of sister cities are there?",
                "How much did Uzbekistan's poverty rate decline?"}) {
            Answer answer = answers.answer(question);
            assertThat(answer.fallback()).as(question).isTrue();
            assertThat(answer.answered()).as(question).isTrue();
            assertThat(answer.citations()).as(question).isNotEmpty();
        }
        assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.WARN && e.getLoggerName().endsWith("LlmBackend")))
                .hasSize(1);
    }

    @Test
    void skipsTheModelAfterRepeatedFailuresAndTriesAgainAfterTheCoolDown() throws Exception {
        llm.failsWith500().failsWith500().replies("Astana [1].");
        QuestionPipeline answers = service("openai", settings(2, Duration.ofSeconds(5), Duration.ofMillis(800)));

        answers.answerWithoutCache(QUESTION);
        answers.answerWithoutCache(QUESTION);
        Answer skipped = answers.answerWithoutCache(QUESTION);
        assertThat(skipped.fallback()).isTrue();
        assertThat(llm.requests()).hasSize(2); // the open circuit did not call the model
        assertThat(meters.get("cca.llm.calls").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("cca.llm.failures").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("cca.llm.fallbacks").functionCounter().count()).isEqualTo(3);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("state", "open").gauge().value()).isEqualTo(1);

        Thread.sleep(1000);
        Answer recovered = answers.answerWithoutCache(QUESTION);
        assertThat(recovered.fallback()).isFalse();
        assertThat(recovered.backend()).isEqualTo("openai");
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void declinesWithoutCallingTheModelWhenNothingIsRelevant() {
        Answer answer = service("openai", defaults()).answer("What is the capital of Brazil?");

        assertThat(answer.answered()).isFalse();
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void rewritesARussianQuestionForSearchAndAnswersItInRussian() {
        llm.replies("six priority areas of cooperation agreed at the summit")
                .replies("Шесть приоритетных направлений: беспрепятственная торговля, промышленные инвестиции [1].");

        Answer answer = service("openai", defaults()).answer("Какие шесть приоритетных направлений сотрудничества определены на саммите?");

        assertThat(llm.requests()).hasSize(2);
        assertThat(llm.requests().get(0).messages()).contains("Какие шесть приоритетных");
        assertThat(llm.requests().get(1).messages()).contains("smooth trade", "Какие шесть приоритетных");
        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("торговля", "[1]");
        assertThat(answer.citations()).isNotEmpty();
    }

    @Test
    void rewritesAFollowUpIntoAStandaloneQuestionFromTheConversation() {
        llm.replies("The summit was held in Astana [1].")
                .replies("Which treaty did the six heads of state sign at the Astana summit")
                .replies("They signed a treaty on eternal good-neighborliness, friendship and cooperation [1].");
        QuestionPipeline answers = service("openai", defaults());

        answers.answer(QUESTION, "chat-1");
        Answer followUp = answers.answer("which treaty did they sign there?", "chat-1");

        assertThat(llm.requests()).hasSize(3);
        assertThat(llm.requests().get(1).messages()).contains("<conversation>", QUESTION, "Astana [1]",
                "which treaty did they sign there?");
        assertThat(llm.requests().get(2).messages()).contains("good-neighborliness");
        assertThat(followUp.text()).contains("good-neighborliness", "[1]");
    }

    @Test
    void streamsTheAnswerAsItArrivesAndEndsWithTheSameCheckedAnswer() {
        for (String backend : new String[] {"openai", "ollama"}) {
            llm.replies("The second summit was held in Astana, Kazakhstan [1][7].");
            java.util.List<String> partials = new java.util.concurrent.CopyOnWriteArrayList<>();

            Answer answer = streamingService(backend).answer(QUESTION, "stream-" + backend, partials::add);

            assertThat(partials).as(backend).hasSizeGreaterThan(3);
            assertThat(partials.get(0)).as(backend).isEqualTo("The ");
            assertThat(partials.get(partials.size() - 1)).as(backend).contains("[7]");
            assertThat(answer.text()).as(backend).isEqualTo("The second summit was held in Astana, Kazakhstan [1].");
            assertThat(answer.backend()).isEqualTo(backend);
            assertThat(answer.citations()).extracting(Citation::n).containsExactly(1);
        }
        assertThat(llm.requests()).allSatisfy(r -> assertThat(r.body().path("stream").asBoolean()).isTrue());
    }

    @Test
    void givesTheModelThePassagesOfEveryQuestionOfAMessage() {
        llm.replies("In Astana [1]; on May 12, 2025 [2].");

        service("openai", defaults()).answer(
                "Where was the second summit held, and when was the industry-education alliance established?");

        // searching the message as one text misses the passage that says where the summit was held
        assertThat(llm.requests().get(0).messages()).contains("concluded on Tuesday in Astana", "May 12");
    }

    @Test
    void speaksOllamasChatProtocolToo() {
        llm.replies("The summit took place in Astana [1].");

        Answer answer = service("ollama", defaults()).answer(QUESTION);

        FakeLlmServer.Request request = llm.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.body().path("model").asText()).isEqualTo("test-model");
        assertThat(request.body().path("stream").asBoolean(true)).isFalse();
        assertThat(answer.backend()).isEqualTo("ollama");
        assertThat(answer.citations()).isNotEmpty();
    }

    @Test
    void recordsTokenUsageForTheStats() {
        llm.replies("Astana [1].");
        QuestionPipeline answers = service("openai", defaults());

        answers.answer(QUESTION);

        assertThat(answers.backendFigures()).contains("1 calls", "tokens in 812, out 41");
    }

    @Test
    void theApiKeyNeverReachesTheLogs() {
        llm.failsWith500().failsWith500();
        QuestionPipeline answers = service("openai", settings(5, Duration.ofSeconds(5), Duration.ofSeconds(5)));
        answers.answer(QUESTION);

        assertThat(logs.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(KEY);
            assertThat(String.valueOf(e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).doesNotContain(KEY);
        });
    }

    private QuestionPipeline service(String backend, LlmSettings openAiSettings) {
        // an OpenAI-compatible base URL ends in /v1; Ollama's is the server's root
        LlmSettings settings = backend.equals("ollama") ? new LlmSettings(llm.url(), openAiSettings.model(),
                openAiSettings.temperature(), openAiSettings.maxTokens(), openAiSettings.timeout(), openAiSettings.retries(),
                openAiSettings.contextChars(), openAiSettings.failuresToOpen(), openAiSettings.coolDown()) : openAiSettings;
        var index = TestPipeline.app().index();
        HybridRetriever retriever = new HybridRetriever(index, RankFusion.RRF, AnswerModels.shipped().ranker(), AnswerModels.shipped().gate(), 6);
        LlmBackend llmBackend = new LlmBackend(backend, ChatModels.of(backend, settings, KEY),
                new ExtractiveBackend(3, 600), settings);
        llmBackend.bindTo(meters);
        return new QuestionPipeline(retriever, llmBackend, new AnswerCache(100, Duration.ofMinutes(5)), 1000);
    }

    private QuestionPipeline streamingService(String backend) {
        LlmSettings settings = backend.equals("ollama") ? ollama(defaults()) : defaults();
        var index = TestPipeline.app().index();
        HybridRetriever retriever = new HybridRetriever(index, RankFusion.RRF, AnswerModels.shipped().ranker(), AnswerModels.shipped().gate(), 6);
        LlmBackend llmBackend = new LlmBackend(backend, ChatModels.of(backend, settings, KEY),
                ChatModels.streaming(backend, settings, KEY), new ExtractiveBackend(3, 600), settings);
        return new QuestionPipeline(retriever, llmBackend, new AnswerCache(100, Duration.ofMinutes(5)), 1000);
    }

    private LlmSettings ollama(LlmSettings s) {
        return new LlmSettings(llm.url(), s.model(), s.temperature(), s.maxTokens(), s.timeout(), s.retries(),
                s.contextChars(), s.failuresToOpen(), s.coolDown());
    }

    private LlmSettings defaults() {
        return settings(3, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    private LlmSettings settings(int failuresToOpen, Duration timeout, Duration coolDown) {
        return new LlmSettings(llm.url() + "/v1", "test-model", 0.1, 400, timeout, 0, 6000,
                failuresToOpen, coolDown);
    }
}
