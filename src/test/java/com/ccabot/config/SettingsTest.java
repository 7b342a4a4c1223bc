package com.ccabot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void environmentVariableNamesAreTheSettingNamesInCapitalsWithUnderscores() {
        assertThat(Settings.find("index.cache-dir").orElseThrow().environmentVariable()).isEqualTo("CCA_INDEX_CACHE_DIR");
        assertThat(Settings.find("answer.max-question-chars").orElseThrow().environmentVariable())
                .isEqualTo("CCA_ANSWER_MAX_QUESTION_CHARS");
        assertThat(Settings.find("knowledge.dir").orElseThrow().environmentVariable()).isEqualTo("CCA_KNOWLEDGE_DIR");
    }

    @Test
    void everySettingHasItsOwnEnvironmentVariable() {
        assertThat(Settings.all()).extracting(Setting::environmentVariable).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("CCA_[A-Z]+(_[A-Z]+)+"));
    }

    @Test
    void everySettingIsFoundByItsKeyAndListedUnderItsSection() {
        assertThat(Settings.sections()).containsExactly("knowledge", "index", "retrieval", "answer", "cache", "llm", "telegram", "server", "log", "state");
        for (Setting setting : Settings.all()) {
            assertThat(Settings.find(setting.key())).contains(setting);
            assertThat(Settings.keysOf(setting.section())).contains(setting.key());
        }
        assertThat(Settings.find("retrieval.topk")).isEmpty();
    }

    @Test
    void everyBuiltInDefaultIsAValueItsOwnSettingAccepts() {
        for (Setting setting : Settings.all()) {
            assertThat(setting.parse(setting.defaultValue())).as(setting.key()).isNotNull();
        }
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "10m, PT10M", "1h, PT1H", "2d, PT48H", "PT1H, PT1H",
            "pt90m, PT1H30M", "10 m, PT10M", "1H, PT1H", "P1D, PT24H"})
    void durationsAreWrittenShortOrInIsoForm(String text, String expected) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");

        Config config = new ConfigLoader(Map.of()).load(empty, Map.of("cache.expire-after", text));

        assertThat(config.cache().expireAfter()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void secretsAreReadFromTheirEnvironmentVariablesStripped() {
        Secrets secrets = Secrets.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", " 123:ABCsecret\n",
                "LLM_API_KEY", "sk-verysecret"));

        assertThat(secrets.telegramBotToken()).isEqualTo("123:ABCsecret");
        assertThat(secrets.llmApiKey()).isEqualTo("sk-verysecret");
    }

    @Test
    void blankOrMissingSecretsAreNull() {
        assertThat(Secrets.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "  ", "LLM_API_KEY", "")))
                .isEqualTo(new Secrets(null, null));
        assertThat(Secrets.fromEnvironment(Map.of("PATH", "/usr/bin"))).isEqualTo(new Secrets(null, null));
    }

    @Test
    void secretsSayWhetherTheyAreSetButNeverWhatTheyAre() {
        Secrets set = Secrets.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "123:ABCsecret", "LLM_API_KEY", "sk-verysecret"));
        Secrets unset = Secrets.fromEnvironment(Map.of());

        assertThat(set.toString()).doesNotContain("ABCsecret", "123:", "sk-verysecret", "verysecret")
                .contains("telegramBotToken=set", "llmApiKey=set");
        assertThat(unset.toString()).contains("telegramBotToken=unset", "llmApiKey=unset");
    }

    @Test
    void secretsAreNotSettingsAndAreNotReadAsSuch() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");

        Config config = new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", "123:ABC", "LLM_API_KEY", "sk")).load(empty, Map.of());

        assertThat(config.toString()).doesNotContain("123:ABC", "sk-");
        assertThat(Settings.all()).extracting(Setting::environmentVariable)
                .doesNotContain("TELEGRAM_BOT_TOKEN", "LLM_API_KEY");
    }
}
