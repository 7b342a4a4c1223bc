package com.ccabot.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShippedSettingsFileTest {

    private static final Path SHIPPED = Path.of("config/cca-bot.yaml");

    private static JsonNode root;
    private static List<String> lines;

    @BeforeAll
    static void readTheShippedFile() throws Exception {
        root = new ObjectMapper(new YAMLFactory()).readTree(SHIPPED.toFile());
        lines = Files.readAllLines(SHIPPED, StandardCharsets.UTF_8);
    }

    @Test
    void listsExactlyEverySettingInTheOrderSettingsKnowsThem() {
        List<String> listed = new ArrayList<>();
        root.fields().forEachRemaining(section ->
                section.getValue().fieldNames().forEachRemaining(key -> listed.add(section.getKey() + "." + key)));

        assertThat(listed).containsExactlyElementsOf(Settings.all().stream().map(Setting::key).toList());
    }

    @Test
    void givesEverySettingExactlyItsBuiltInDefault() {
        for (Setting setting : Settings.all()) {
            JsonNode value = root.path(setting.section()).path(setting.key().substring(setting.section().length() + 1));

            if (value.isFloatingPointNumber()) {
                assertThat(value.asDouble()).as(setting.key()).isEqualTo(Double.parseDouble(setting.defaultValue()));
            } else {
                assertThat(value.isValueNode()).as(setting.key()).isTrue();
                assertThat(value.asText()).as(setting.key()).isEqualTo(setting.defaultValue());
            }
        }
    }

    @Test
    void writesEachDefaultAsTheSameTextSettingsHas() {
        for (Setting setting : Settings.all()) {
            String name = setting.key().substring(setting.section().length() + 1);
            String written = setting.defaultValue().isEmpty() ? "\"\"" : setting.defaultValue();
            assertThat(lines).as(setting.key()).contains("  " + name + ": " + written);
        }
    }

    @Test
    void namesEachSettingsEnvironmentVariableInAComment() {
        List<String> comments = lines.stream().filter(line -> line.strip().startsWith("#")).toList();

        for (Setting setting : Settings.all()) {
            assertThat(comments).as(setting.key()).anySatisfy(comment -> assertThat(comment)
                    .contains(setting.environmentVariable()));
        }
    }

    @Test
    void commentsEachSettingWithItsDescriptionVariableAndAllowedValuesRightAboveIt() {
        for (Setting setting : Settings.all()) {
            String comment = commentAbove(setting);
            assertThat(comment).as(setting.key()).contains(setting.description())
                    .contains("Env " + setting.environmentVariable())
                    .contains("Allowed: " + setting.allowed());
        }
    }

    @Test
    void loadingTheShippedFileGivesTheBuiltInDefaults() throws Exception {
        Path empty = Files.createTempFile("empty", ".yaml");
        try {
            assertThat(new ConfigLoader(Map.of()).load(SHIPPED, Map.of()))
                    .isEqualTo(new ConfigLoader(Map.of()).load(empty, Map.of()));
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void holdsNoSecrets() {
        assertThat(root.findValue("token")).isNull();
        assertThat(String.join("\n", lines)).doesNotContainPattern("(?m)^\\s*[a-z-]*(token|api-key|key)\\s*:");
    }

    /** The comment lines directly above the setting's line in its section. */
    private static String commentAbove(Setting setting) {
        int sectionLine = lines.indexOf(setting.section() + ":");
        assertThat(sectionLine).as(setting.section()).isNotNegative();
        String name = setting.key().substring(setting.section().length() + 1);
        int keyLine = -1;
        for (int i = sectionLine + 1; i < lines.size() && keyLine < 0; i++) {
            if (lines.get(i).startsWith("  " + name + ":")) {
                keyLine = i;
            }
        }
        assertThat(keyLine).as(setting.key()).isPositive();
        List<String> comment = new ArrayList<>();
        for (int i = keyLine - 1; i > sectionLine && lines.get(i).strip().startsWith("#"); i--) {
            comment.add(0, lines.get(i).strip().substring(1).strip());
        }
        return String.join(" ", comment);
    }
}
