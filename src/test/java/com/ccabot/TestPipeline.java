package com.ccabot;

import com.ccabot.config.Config;
import com.ccabot.config.ConfigLoader;
import com.ccabot.config.Secrets;
import com.ccabot.http.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One started bot over the shipped articles, shared by the tests of this JVM: the model loads once. */
public final class TestPipeline {

    public static final Path KNOWLEDGE = Path.of("src/test/resources/knowledge");
    public static final Path CACHE = Path.of("target/test-cache");

    /** Articles of our own, from public reporting, that no constant of the bot was chosen on. */
    public static final Path EXTRA_KNOWLEDGE = Path.of("src/test/resources/knowledge-extra");
    private static final Path EXTRA_KNOWLEDGE_2 = Path.of("src/test/resources/knowledge-extra2");
    private static final Path EXTRA_KNOWLEDGE_3 = Path.of("src/test/resources/knowledge-extra3");
    private static final Path EXTRA_KNOWLEDGE_4 = Path.of("src/test/resources/knowledge-extra4");
    private static final Path EXTRA_KNOWLEDGE_5 = Path.of("src/test/resources/knowledge-extra5");
    private static final Path EXTRA_KNOWLEDGE_6 = Path.of("src/test/resources/knowledge-extra6");
    private static final Path EXTRA_KNOWLEDGE_7 = Path.of("src/test/resources/knowledge-extra7");
    private static final Path EXTRA_KNOWLEDGE_8 = Path.of("src/test/resources/knowledge-extra8");
    private static final Path EXTRA_KNOWLEDGE_9 = Path.of("src/test/resources/knowledge-extra9");
    private static final Path EXTRA_KNOWLEDGE_10 = Path.of("src/test/resources/knowledge-extra10");
    private static final Path EXTRA_KNOWLEDGE_11 = Path.of("src/test/resources/knowledge-extra11");
    private static final Path EXTRA_KNOWLEDGE_12 = Path.of("src/test/resources/knowledge-extra12");
    private static final Path EXTRA_KNOWLEDGE_13 = Path.of("src/test/resources/knowledge-extra13");
    private static final Path EXTRA_KNOWLEDGE_14 = Path.of("src/test/resources/knowledge-extra14");
    private static final Path EXTRA_KNOWLEDGE_15 = Path.of("src/test/resources/knowledge-extra15");
    private static final Path EXTRA_KNOWLEDGE_16 = Path.of("src/test/resources/knowledge-extra16");
    private static final Path EXTRA_KNOWLEDGE_17 = Path.of("src/test/resources/knowledge-extra17");
    private static final Path EXTRA_KNOWLEDGE_18 = Path.of("src/test/resources/knowledge-extra18");
    private static final Path EXTRA_KNOWLEDGE_19 = Path.of("src/test/resources/knowledge-extra19");

    private static Application app;
    private static Application extended;
    private static Application later;

    private TestPipeline() {}

    public static synchronized Application app() {
        if (app == null) {
            // with the Prometheus registry the HTTP server scrapes, as a long-running bot has
            app = Application.start(config(Map.of()), new Secrets(null, null), Metrics.registry());
        }
        return app;
    }

    /** A started bot over the shipped articles and our own further ones together, as a user adds articles. */
    public static synchronized Application withExtraArticles() {
        if (extended == null) {
            extended = startedOn(List.of(KNOWLEDGE, EXTRA_KNOWLEDGE, EXTRA_KNOWLEDGE_2));
        }
        return extended;
    }

    /**
     * A started bot over the shipped articles, the further ones and the third to nineteenth sets written later: apart
     * from {@link #withExtraArticles()}, since the third set answers some questions the earlier sets expect declined.
     */
    public static synchronized Application withLaterArticles() {
        if (later == null) {
            later = startedOn(List.of(KNOWLEDGE, EXTRA_KNOWLEDGE, EXTRA_KNOWLEDGE_2, EXTRA_KNOWLEDGE_3, EXTRA_KNOWLEDGE_4,
                    EXTRA_KNOWLEDGE_5, EXTRA_KNOWLEDGE_6, EXTRA_KNOWLEDGE_7, EXTRA_KNOWLEDGE_8, EXTRA_KNOWLEDGE_9,
                    EXTRA_KNOWLEDGE_10, EXTRA_KNOWLEDGE_11, EXTRA_KNOWLEDGE_12, EXTRA_KNOWLEDGE_13, EXTRA_KNOWLEDGE_14,
                    EXTRA_KNOWLEDGE_15, EXTRA_KNOWLEDGE_16, EXTRA_KNOWLEDGE_17, EXTRA_KNOWLEDGE_18,
                    EXTRA_KNOWLEDGE_19));
        }
        return later;
    }

    private static Application startedOn(List<Path> sources) {
        try {
            Path folder = java.nio.file.Files.createTempDirectory("cca-knowledge");
            for (Path source : sources) {
                try (var files = java.nio.file.Files.list(source)) {
                    for (Path file : files.toList()) {
                        java.nio.file.Files.copy(file, folder.resolve(file.getFileName()));
                    }
                }
            }
            return Application.start(config(Map.of("knowledge.dir", folder.toString())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The default configuration over the test articles, with some settings overridden. */
    public static Config config(Map<String, String> overrides) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "knowledge.dir", KNOWLEDGE.toString(), "index.cache-dir", CACHE.toString()));
        settings.putAll(overrides);
        return new ConfigLoader(Map.of()).load(null, settings);
    }
}
