package com.ccabot;

import com.ccabot.config.Config;
import com.ccabot.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;

/** One started bot over the shipped articles, shared by the tests of this JVM: the model loads once. */
public final class TestPipeline {

    public static final Path KNOWLEDGE = Path.of("src/test/resources/knowledge");
    public static final Path CACHE = Path.of("target/test-cache");

    private static Application app;

    private TestPipeline() {}

    public static synchronized Application app() {
        if (app == null) {
            app = Application.start(config(Map.of()));
        }
        return app;
    }

    /** The default configuration over the test articles, with some settings overridden. */
    public static Config config(Map<String, String> overrides) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "knowledge.dir", KNOWLEDGE.toString(), "index.cache-dir", CACHE.toString()));
        settings.putAll(overrides);
        return new ConfigLoader(Map.of()).load(null, settings);
    }
}
