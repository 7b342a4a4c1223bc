package com.ccabot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsHoldWithoutFileEnvironmentOrOptions() {
        Config config = Config.defaults();

        assertThat(config.knowledge().dir()).isEqualTo(Path.of("knowledge"));
        assertThat(config.retrieval().topK()).isEqualTo(6);
        assertThat(config.retrieval().fusion()).isEqualTo(Fusion.RRF);
        assertThat(config.cache().expireAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(config.answer().backend()).isEqualTo("extractive");
    }

    @Test
    void fileOverridesDefaultsEnvironmentOverridesFileAndOptionsOverrideAll() throws Exception {
        Path file = yaml("retrieval:\n  top-k: 8\n  min-similarity: 0.4\ncache:\n  expire-after: 30s\n");
        Map<String, String> env = Map.of("CCA_RETRIEVAL_TOP_K", "9", "CCA_CACHE_MAXIMUM_SIZE", "5");

        Config config = new ConfigLoader(env).load(file, Map.of("cache.maximum-size", "7"));

        assertThat(config.retrieval().topK()).isEqualTo(9);
        assertThat(config.retrieval().minSimilarity()).isEqualTo(0.4);
        assertThat(config.cache().expireAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.cache().maximumSize()).isEqualTo(7);
    }

    @Test
    void unknownKeysNameTheKeyAndWhatIsKnown() throws Exception {
        assertThatThrownBy(() -> load(yaml("retrieval:\n  topk: 3\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retrieval.topk").hasMessageContaining("retrieval.top-k");
        assertThatThrownBy(() -> load(yaml("retreival:\n  top-k: 3\n")))
                .hasMessageContaining("retreival").hasMessageContaining("known sections");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(null, Map.of("answer.colour", "red")))
                .hasMessageContaining("answer.colour").hasMessageContaining("the command line");
    }

    @Test
    void badValuesNameKeySourceAndAllowedValues() throws Exception {
        assertThatThrownBy(() -> load(yaml("retrieval:\n  top-k: abc\n")))
                .hasMessageContaining("retrieval.top-k").hasMessageContaining("'abc'").hasMessageContaining("1 to 50")
                .hasMessageContaining(".yaml");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CCA_ANSWER_BACKEND", "gpt")).load(null, Map.of()))
                .hasMessageContaining("CCA_ANSWER_BACKEND").hasMessageContaining("allowed: extractive, openai, ollama");
        assertThatThrownBy(() -> load(yaml("cache:\n  expire-after: -5m\n"))).hasMessageContaining("cache.expire-after");
        assertThatThrownBy(() -> load(yaml("cache:\n  expire-after: 0s\n"))).hasMessageContaining("not positive");
        assertThatThrownBy(() -> load(yaml("index:\n  chunk-size: [1, 2]\n"))).hasMessageContaining("index.chunk-size");
        assertThatThrownBy(() -> load(yaml("retrieval:\n  min-coverage: 1.5\n"))).hasMessageContaining("0 to 1");
    }

    @Test
    void brokenOrMissingFilesAreNamed() throws Exception {
        assertThatThrownBy(() -> load(yaml("retrieval:\n  top-k: [unclosed\n")))
                .hasMessageContaining("not valid YAML").hasMessageContaining("line");
        assertThatThrownBy(() -> load(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
    }

    @Test
    void emptyFilesAndSectionsKeepDefaults() throws Exception {
        assertThat(load(yaml("")).retrieval().topK()).isEqualTo(6);
        assertThat(load(yaml("log:\nretrieval:\n  fusion: WEIGHTED\n")).retrieval().fusion()).isEqualTo(Fusion.WEIGHTED);
    }

    @Test
    void hugeDurationsDuplicateKeysAndFoldersAreConfigurationErrors() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(null, Map.of("cache.expire-after", "106751991167301d")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cache.expire-after").hasMessageContaining("too long");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(null, Map.of("cache.maximum-size", "99999999999999999999")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> load(yaml("retrieval:\n  top-k: 3\n  top-k: 4\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("top-k");
        assertThatThrownBy(() -> load(dir)).hasMessageContaining("is not a file");
    }

    @Test
    void anUnknownCcaVariableIsOnlyAWarning() {
        assertThat(new ConfigLoader(Map.of("CCA_SOMETHING_ELSE", "1")).load(null, Map.of())).isNotNull();
    }

    @Test
    void durationsComeShortOrInIsoForm() {
        for (String text : new String[] {"500ms", "30s", "10m", "1h", "2d", "PT1H"}) {
            assertThat(new ConfigLoader(Map.of()).load(null, Map.of("cache.expire-after", text)).cache().expireAfter())
                    .as(text).isPositive();
        }
    }

    @Test
    void secretsAreReadFromTheEnvironmentAndNeverPrinted() {
        Secrets secrets = Secrets.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "123:ABCsecret", "LLM_API_KEY", " "));

        assertThat(secrets.telegramBotToken()).isEqualTo("123:ABCsecret");
        assertThat(secrets.llmApiKey()).isNull();
        assertThat(secrets.toString()).doesNotContain("ABCsecret").contains("set");
    }

    @Test
    void theShippedSettingsFileListsEverySettingWithItsDefaultAndVariable() throws Exception {
        Path shipped = Path.of("config/cca-bot.yaml");
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(shipped.toFile());
        String text = Files.readString(shipped);
        int listed = 0;
        for (var sections = root.fields(); sections.hasNext(); ) {
            var section = sections.next();
            listed += section.getValue().size();
        }

        assertThat(listed).isEqualTo(Settings.all().size());
        for (Setting setting : Settings.all()) {
            String[] parts = setting.key().split("\\.");
            JsonNode value = root.path(parts[0]).path(parts[1]);
            assertThat(value.isMissingNode()).as(setting.key()).isFalse();
            assertThat(setting.parse(value.asText())).as(setting.key()).isEqualTo(setting.parse(setting.defaultValue()));
            assertThat(text).as(setting.key()).contains(setting.environmentVariable());
        }
        assertThat(load(shipped)).isEqualTo(Config.defaults());
    }

    @Test
    void environmentVariableNamesFollowTheSettingNames() {
        assertThat(Settings.find("index.cache-dir").orElseThrow().environmentVariable()).isEqualTo("CCA_INDEX_CACHE_DIR");
    }

    private Config load(Path file) {
        return new ConfigLoader(Map.of()).load(file, Map.of());
    }

    private Path yaml(String content) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "settings", ".yaml"), content);
    }
}
