package com.ccabot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration from its four sources, each overriding the one before: built-in defaults, the YAML
 * settings file, {@code CCA_*} environment variables, and command-line overrides. An unknown key or a bad value
 * stops start-up with a message naming the key, where the value came from, and what is allowed.
 */
public final class ConfigLoader {

    /** Where cca-bot looks for its settings when no file is named. */
    public static final Path DEFAULT_FILE = Path.of("config", "cca-bot.yaml");

    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);
    // a key given twice is a mistake to report, not a value to overwrite silently
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private final Map<String, String> environment;

    /** @param environment the process environment ({@code System.getenv()}), or a map in tests */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Loads the configuration; {@code configFile} null means {@code config/cca-bot.yaml} if it exists. */
    public Config load(Path configFile, Map<String, String> overrides) {
        Map<String, Object> values = builtInDefaults();
        Path file = configFile != null ? configFile : Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
        if (file != null) {
            fromFile(file).forEach((key, text) -> values.put(key, parse(setting(key, file.toString()), text, file.toString())));
        }
        fromEnvironment().forEach((setting, text) ->
                values.put(setting.key(), parse(setting, text, "environment variable " + setting.environmentVariable())));
        overrides.forEach((key, text) -> values.put(key, parse(setting(key, "the command line"), text, "the command line")));
        return Config.of(values);
    }

    /** Every setting at its built-in default, parsed. */
    static Map<String, Object> builtInDefaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting setting : Settings.all()) {
            values.put(setting.key(), parse(setting, setting.defaultValue(), "the built-in default"));
        }
        return values;
    }

    private Map<String, String> fromFile(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException("settings file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("settings file " + file + " is not a file");
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException("settings file " + file + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read settings file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values; // an empty file: every setting keeps its default
        }
        if (!root.isObject()) {
            throw new ConfigException("settings file " + file + " must be a mapping of sections, e.g. 'knowledge:'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> sections = root.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (!Settings.sections().contains(section.getKey())) {
                throw new ConfigException("unknown section '" + section.getKey() + "' in " + file + "; known sections: "
                        + String.join(", ", Settings.sections()));
            }
            JsonNode keys = section.getValue();
            if (keys == null || keys.isNull()) {
                continue; // "llm:" with nothing under it
            }
            if (!keys.isObject()) {
                throw new ConfigException("section '" + section.getKey() + "' in " + file + " must hold key: value lines");
            }
            for (Iterator<Map.Entry<String, JsonNode>> entries = keys.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String key = section.getKey() + "." + entry.getKey();
                Setting setting = setting(key, file.toString());
                JsonNode value = entry.getValue();
                if (value.isContainerNode()) {
                    throw new ConfigException(key + ": a list or mapping is not allowed (from " + file + "); allowed: "
                            + setting.allowed());
                }
                values.put(key, value.isNull() ? "" : value.asText());
            }
        }
        return values;
    }

    private Map<Setting, String> fromEnvironment() {
        Map<Setting, String> values = new LinkedHashMap<>();
        Map<String, Setting> byVariable = new LinkedHashMap<>();
        Settings.all().forEach(setting -> byVariable.put(setting.environmentVariable(), setting));
        environment.forEach((name, value) -> {
            if (!name.startsWith("CCA_")) {
                return;
            }
            Setting setting = byVariable.get(name);
            if (setting == null) {
                log.warn("ignoring environment variable {}: it names no setting (known: {})", name,
                        String.join(", ", byVariable.keySet()));
            } else {
                values.put(setting, value);
            }
        });
        return values;
    }

    private static Setting setting(String key, String source) {
        return Settings.find(key).orElseThrow(() -> {
            int dot = key.indexOf('.');
            String section = dot < 0 ? key : key.substring(0, dot);
            String known = Settings.sections().contains(section)
                    ? "known keys of " + section + ": " + String.join(", ", Settings.keysOf(section))
                    : "known sections: " + String.join(", ", Settings.sections());
            return new ConfigException("unknown setting '" + key + "' (from " + source + "); " + known);
        });
    }

    private static Object parse(Setting setting, String text, String source) {
        try {
            return setting.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.key() + ": '" + Values.shown(text) + "' " + e.getMessage() + " (from " + source
                    + "); allowed: " + setting.allowed());
        }
    }
}
