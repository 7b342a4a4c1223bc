package com.ccabot.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigErrorMessagesTest {

    private static final String ALL_SECTIONS = "knowledge, index, retrieval, answer, cache, llm, telegram, server, log";

    @TempDir
    Path dir;

    @Test
    void anUnknownSectionInTheFileNamesItTheFileAndTheKnownSections() throws Exception {
        Path file = yaml("retreival:\n  top-k: 3\n");

        fromFile(file).hasMessageContaining("'retreival'").hasMessageContaining(file.toString())
                .hasMessageContaining("known sections: " + ALL_SECTIONS);
    }

    @Test
    void anUnknownKeyInTheFileNamesTheKeyTheFileAndTheKnownKeysOfItsSection() throws Exception {
        Path file = yaml("retrieval:\n  topk: 3\n");

        fromFile(file).hasMessageContaining("'retrieval.topk'").hasMessageContaining(file.toString())
                .hasMessageContaining("known keys of retrieval: retrieval.top-k, retrieval.fusion, "
                        + "retrieval.min-similarity, retrieval.min-coverage");
    }

    @Test
    void anUnknownKeyOnTheCommandLineNamesTheKeyAndTheKnownKeys() throws Exception {
        fromOverride("answer.colour", "red").hasMessageContaining("'answer.colour'")
                .hasMessageContaining("the command line")
                .hasMessageContaining("known keys of answer: answer.backend, answer.max-sentences");
        fromOverride("colour.answer", "red").hasMessageContaining("'colour.answer'")
                .hasMessageContaining("known sections: " + ALL_SECTIONS);
        fromOverride("topk", "3").hasMessageContaining("'topk'").hasMessageContaining("known sections");
    }

    @Test
    void aValueThatIsNotANumberNamesKeyValueFileAndRange() throws Exception {
        Path file = yaml("retrieval:\n  top-k: abc\n");

        fromFile(file).hasMessageContaining("retrieval.top-k").hasMessageContaining("'abc'")
                .hasMessageContaining("not a whole number").hasMessageContaining("from " + file)
                .hasMessageContaining("allowed: 1 to 50");
        fromOverride("retrieval.min-similarity", "high").hasMessageContaining("retrieval.min-similarity")
                .hasMessageContaining("'high'").hasMessageContaining("not a number")
                .hasMessageContaining("from the command line").hasMessageContaining("allowed: 0 to 1");
        fromOverride("index.chunk-size", "500.5").hasMessageContaining("index.chunk-size")
                .hasMessageContaining("'500.5'").hasMessageContaining("allowed: 200 to 2000");
    }

    @Test
    void aValueOutOfRangeNamesKeyValueSourceAndRange() throws Exception {
        fromEnvironment("CCA_RETRIEVAL_TOP_K", "0").hasMessageContaining("retrieval.top-k").hasMessageContaining("'0'")
                .hasMessageContaining("out of range").hasMessageContaining("environment variable CCA_RETRIEVAL_TOP_K")
                .hasMessageContaining("allowed: 1 to 50");
        fromOverride("retrieval.top-k", "51").hasMessageContaining("'51'").hasMessageContaining("out of range");
        fromOverride("retrieval.min-coverage", "1.5").hasMessageContaining("'1.5'").hasMessageContaining("0 to 1");
        fromOverride("retrieval.min-coverage", "-0.1").hasMessageContaining("'-0.1'").hasMessageContaining("0 to 1");
        fromOverride("retrieval.min-similarity", "NaN").hasMessageContaining("'NaN'").hasMessageContaining("0 to 1");
        fromOverride("cache.maximum-size", "-1").hasMessageContaining("cache.maximum-size")
                .hasMessageContaining("0 to 10000000");
        fromOverride("answer.max-question-chars", "100001").hasMessageContaining("10 to 100000");
    }

    @Test
    void aDisallowedChoiceNamesKeyValueSourceAndTheChoices() throws Exception {
        fromOverride("answer.backend", "gpt").hasMessageContaining("answer.backend").hasMessageContaining("'gpt'")
                .hasMessageContaining("not allowed").hasMessageContaining("the command line")
                .hasMessageContaining("allowed: " + String.join(", ", Settings.BACKENDS));
        fromEnvironment("CCA_ANSWER_BACKEND", "gpt").hasMessageContaining("environment variable CCA_ANSWER_BACKEND");
        Path file = yaml("log:\n  level: verbose\n");
        fromFile(file).hasMessageContaining("log.level").hasMessageContaining("'verbose'")
                .hasMessageContaining(file.toString()).hasMessageContaining("allowed: error, warn, info, debug");
        fromOverride("retrieval.fusion", "max").hasMessageContaining("allowed: rrf, weighted");
        fromEnvironment("CCA_LOG_FORMAT", "logfmt").hasMessageContaining("log.format").hasMessageContaining("'logfmt'")
                .hasMessageContaining("not allowed").hasMessageContaining("environment variable CCA_LOG_FORMAT")
                .hasMessageContaining("allowed: text, json");
    }

    @Test
    void aBooleanWhereAChoiceIsExpectedIsABadValueNotACrash() throws Exception {
        fromFile(yaml("log:\n  level: true\n")).hasMessageContaining("log.level").hasMessageContaining("'true'")
                .hasMessageContaining("allowed: error, warn, info, debug");
    }

    @Test
    void aBadDurationNamesKeyValueSourceAndTheAllowedForms() throws Exception {
        String allowed = "allowed: a positive duration: 500ms, 30s, 10m, 1h, 2d or ISO-8601 (PT1H)";
        fromOverride("cache.expire-after", "soon").hasMessageContaining("cache.expire-after")
                .hasMessageContaining("'soon'").hasMessageContaining("not a duration").hasMessageContaining(allowed);
        fromOverride("cache.expire-after", "10 weeks").hasMessageContaining("not a duration");
        fromOverride("cache.expire-after", "1.5h").hasMessageContaining("not a duration");
        fromEnvironment("CCA_CACHE_EXPIRE_AFTER", "5y").hasMessageContaining("environment variable CCA_CACHE_EXPIRE_AFTER");
    }

    @Test
    void aZeroOrNegativeDurationIsRefused() throws Exception {
        fromOverride("cache.expire-after", "0s").hasMessageContaining("'0s'").hasMessageContaining("not positive");
        fromOverride("cache.expire-after", "0ms").hasMessageContaining("not positive");
        fromOverride("cache.expire-after", "PT0S").hasMessageContaining("not positive");
        fromOverride("cache.expire-after", "PT-1H").hasMessageContaining("not positive");
        fromFile(yaml("cache:\n  expire-after: -5m\n")).hasMessageContaining("cache.expire-after")
                .hasMessageContaining("'-5m'");
    }

    @Test
    void anEmptyValueIsRefusedWithTheKeyNamed() throws Exception {
        fromFile(yaml("knowledge:\n  dir:\n")).hasMessageContaining("knowledge.dir").hasMessageContaining("is empty")
                .hasMessageContaining("allowed: a folder path");
        fromEnvironment("CCA_INDEX_CACHE_DIR", "  ").hasMessageContaining("index.cache-dir");
        fromOverride("retrieval.top-k", "").hasMessageContaining("retrieval.top-k");
    }

    @Test
    void aListOrMappingWhereAValueIsExpectedNamesTheKeyAndWhatIsAllowed() throws Exception {
        Path list = yaml("index:\n  chunk-size: [1, 2]\n");
        fromFile(list).hasMessageContaining("index.chunk-size").hasMessageContaining("list or mapping")
                .hasMessageContaining(list.toString()).hasMessageContaining("allowed: 200 to 2000");
        fromFile(yaml("knowledge:\n  dir:\n    - a\n    - b\n")).hasMessageContaining("knowledge.dir");
        fromFile(yaml("answer:\n  backend:\n    name: extractive\n")).hasMessageContaining("answer.backend")
                .hasMessageContaining("allowed: " + String.join(", ", Settings.BACKENDS));
    }

    @Test
    void aFileOrSectionOfTheWrongShapeSaysWhatShapeIsExpected() throws Exception {
        fromFile(yaml("log: debug\n")).hasMessageContaining("section 'log'").hasMessageContaining("key: value");
        fromFile(yaml("- knowledge\n- index\n")).hasMessageContaining("must be a mapping of sections");
    }

    @Test
    void invalidYamlNamesTheFileAndTheLine() throws Exception {
        Path file = yaml("knowledge:\n  dir: knowledge\nretrieval:\n  top-k: [unclosed\n");

        fromFile(file).hasMessageContaining(file.toString()).hasMessageContaining("not valid YAML")
                .hasMessageMatching("(?s).*at line [45]\\b.*");
        Path badIndent = yaml("retrieval:\n  top-k: 3\n fusion: rrf\n");
        fromFile(badIndent).hasMessageContaining(badIndent.toString()).hasMessageContaining("line 3");
    }

    @Test
    void anExplicitlyNamedFileThatDoesNotExistIsAnError() {
        Path missing = dir.resolve("missing.yaml");

        fromFile(missing).hasMessageContaining("settings file " + missing).hasMessageContaining("does not exist");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> fromFile(Path file) {
        return assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> fromOverride(String key, String value) throws Exception {
        Path empty = yaml("");
        return assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(empty, Map.of(key, value)))
                .isInstanceOf(ConfigException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> fromEnvironment(String name, String value) throws Exception {
        Path empty = yaml("");
        return assertThatThrownBy(() -> new ConfigLoader(Map.of(name, value)).load(empty, Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    private Path yaml(String content) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "settings", ".yaml"), content);
    }
}
