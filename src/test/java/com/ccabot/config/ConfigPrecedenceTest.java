package com.ccabot.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigPrecedenceTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyFileLeavesEverySettingAtItsBuiltInDefault() throws Exception {
        Config config = load(yaml(""), Map.of(), Map.of());

        assertThat(config.knowledge().dir()).isEqualTo(Path.of("knowledge"));
        assertThat(config.index().cacheDir()).isEqualTo(Path.of(".cca-cache"));
        assertThat(config.index().chunkSize()).isEqualTo(500);
        assertThat(config.retrieval().topK()).isEqualTo(6);
        assertThat(config.retrieval().fusion()).isEqualTo(Fusion.RRF);
        assertThat(config.retrieval().minSimilarity()).isZero();
        assertThat(config.retrieval().minCoverage()).isZero();
        assertThat(config.answer().backend()).isEqualTo("extractive");
        assertThat(config.answer().maxSentences()).isEqualTo(3);
        assertThat(config.answer().maxChars()).isEqualTo(600);
        assertThat(config.answer().maxQuestionChars()).isEqualTo(1000);
        assertThat(config.cache().maximumSize()).isEqualTo(10_000L);
        assertThat(config.cache().expireAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(config.log().level()).isEqualTo("info");
    }

    @Test
    void eachSourceOverridesTheOneBeforeItAndLeavesTheRestAlone() throws Exception {
        Path file = yaml("""
                retrieval:
                  top-k: 8
                  min-similarity: 0.4
                answer:
                  max-chars: 700
                  max-sentences: 4
                cache:
                  expire-after: 30s
                """);
        Map<String, String> env = Map.of("CCA_RETRIEVAL_TOP_K", "9", "CCA_ANSWER_MAX_CHARS", "800",
                "CCA_CACHE_MAXIMUM_SIZE", "5");
        Map<String, String> overrides = Map.of("retrieval.top-k", "10", "cache.maximum-size", "7");

        Config config = load(file, env, overrides);

        assertThat(config.retrieval().topK()).as("file < env < command line").isEqualTo(10);
        assertThat(config.answer().maxChars()).as("file < env").isEqualTo(800);
        assertThat(config.cache().maximumSize()).as("env < command line").isEqualTo(7);
        assertThat(config.retrieval().minSimilarity()).as("defaults < file").isEqualTo(0.4);
        assertThat(config.answer().maxSentences()).as("defaults < file").isEqualTo(4);
        assertThat(config.cache().expireAfter()).as("defaults < file").isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retrieval().minCoverage()).as("untouched default").isZero();
    }

    @Test
    void environmentVariablesOverrideDefaultsWithoutAFileEntry() throws Exception {
        Config config = load(yaml(""), Map.of("CCA_KNOWLEDGE_DIR", "/data/articles", "CCA_INDEX_CACHE_DIR", "/tmp/c",
                "CCA_RETRIEVAL_FUSION", "weighted", "CCA_LOG_LEVEL", "debug"), Map.of());

        assertThat(config.knowledge().dir()).isEqualTo(Path.of("/data/articles"));
        assertThat(config.index().cacheDir()).isEqualTo(Path.of("/tmp/c"));
        assertThat(config.retrieval().fusion()).isEqualTo(Fusion.WEIGHTED);
        assertThat(config.log().level()).isEqualTo("debug");
    }

    @Test
    void variablesWithoutTheCcaPrefixAreNotSettings() throws Exception {
        Config config = load(yaml(""), Map.of("RETRIEVAL_TOP_K", "abc", "TOP_K", "2", "PATH", "/usr/bin"), Map.of());

        assertThat(config.retrieval().topK()).isEqualTo(6);
    }

    @Test
    void anUnknownCcaVariableIsOnlyAWarningNamingIt() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ConfigLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Config config = load(yaml(""), Map.of("CCA_RETRIEVAL_TOPK", "3"), Map.of());

            assertThat(config.retrieval().topK()).isEqualTo(6);
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(message -> assertThat(message).contains("CCA_RETRIEVAL_TOPK", "CCA_RETRIEVAL_TOP_K"));
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void yamlNumbersAndBooleansAreTakenAsScalars() throws Exception {
        Config config = load(yaml("""
                knowledge:
                  dir: 2025
                index:
                  cache-dir: true
                  chunk-size: 300
                retrieval:
                  min-similarity: 1
                  min-coverage: .25
                cache:
                  maximum-size: 0
                """), Map.of(), Map.of());

        assertThat(config.knowledge().dir()).isEqualTo(Path.of("2025"));
        assertThat(config.index().cacheDir()).isEqualTo(Path.of("true"));
        assertThat(config.index().chunkSize()).isEqualTo(300);
        assertThat(config.retrieval().minSimilarity()).isEqualTo(1.0);
        assertThat(config.retrieval().minCoverage()).isEqualTo(0.25);
        assertThat(config.cache().maximumSize()).isZero();
    }

    @Test
    void emptySectionsAndAnEmptyFileKeepTheDefaults() throws Exception {
        Config config = load(yaml("log:\nknowledge:\nretrieval:\n  fusion: weighted\n"), Map.of(), Map.of());

        assertThat(config.log().level()).isEqualTo("info");
        assertThat(config.knowledge().dir()).isEqualTo(Path.of("knowledge"));
        assertThat(config.retrieval().fusion()).isEqualTo(Fusion.WEIGHTED);
        assertThat(load(yaml("# only a comment\n"), Map.of(), Map.of()))
                .isEqualTo(load(yaml(""), Map.of(), Map.of()));
    }

    @Test
    void choicesAndValuesAreReadWhateverTheirCaseAndSurroundingSpace() throws Exception {
        Config config = load(yaml(""), Map.of("CCA_LOG_LEVEL", " WARN "),
                Map.of("retrieval.fusion", "Weighted", "answer.backend", "EXTRACTIVE", "retrieval.top-k", " 12 "));

        assertThat(config.log().level()).isEqualTo("warn");
        assertThat(config.retrieval().fusion()).isEqualTo(Fusion.WEIGHTED);
        assertThat(config.answer().backend()).isEqualTo("extractive");
        assertThat(config.retrieval().topK()).isEqualTo(12);
    }

    @Test
    void rangeLimitsAreInclusive() throws Exception {
        Config low = load(yaml(""), Map.of(), Map.of("retrieval.top-k", "1", "index.chunk-size", "200",
                "retrieval.min-similarity", "0", "answer.max-question-chars", "10"));
        Config high = load(yaml(""), Map.of(), Map.of("retrieval.top-k", "50", "index.chunk-size", "2000",
                "retrieval.min-similarity", "1", "cache.maximum-size", "10000000"));

        assertThat(low.retrieval().topK()).isEqualTo(1);
        assertThat(low.index().chunkSize()).isEqualTo(200);
        assertThat(low.retrieval().minSimilarity()).isZero();
        assertThat(low.answer().maxQuestionChars()).isEqualTo(10);
        assertThat(high.retrieval().topK()).isEqualTo(50);
        assertThat(high.index().chunkSize()).isEqualTo(2000);
        assertThat(high.retrieval().minSimilarity()).isEqualTo(1.0);
        assertThat(high.cache().maximumSize()).isEqualTo(10_000_000L);
    }

    private static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return new ConfigLoader(env).load(file, overrides);
    }

    private Path yaml(String content) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "settings", ".yaml"), content);
    }
}
