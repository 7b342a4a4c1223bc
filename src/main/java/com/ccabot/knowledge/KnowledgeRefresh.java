package com.ccabot.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the changes of a knowledge folder into what was loaded before: re-reads only the files that were touched,
 * adds and replaces the articles that read well, drops the ones deleted, and keeps an article's previous version
 * when its file no longer reads (a broken save), with a warning naming the file.
 */
public final class KnowledgeRefresh {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeRefresh.class);

    /**
     * What a refresh found.
     *
     * @param knowledge the articles now
     * @param added     files that became articles
     * @param changed   articles whose file now reads differently
     * @param removed   articles whose file is gone (or is no longer an article file)
     * @param kept      articles whose file no longer reads, kept in their previous version, with the reason
     */
    public record Outcome(LoadedKnowledge knowledge, List<String> added, List<String> changed, List<String> removed,
                          List<SkippedFile> kept) {

        public Outcome {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
        }

        public boolean changedAnything() {
            return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
        }

        /** "2 added, 1 changed, 0 removed" with the files named when there are few. */
        public String summary() {
            return part(added, "added") + ", " + part(changed, "changed") + ", " + part(removed, "removed")
                    + (kept.isEmpty() ? "" : ", " + kept.size() + " kept in their previous version");
        }

        private static String part(List<String> files, String what) {
            return files.size() + " " + what + (files.isEmpty() || files.size() > 3 ? "" : " (" + String.join(", ", files) + ")");
        }
    }

    private KnowledgeRefresh() {}

    /**
     * @param touched paths relative to the folder that may have changed (files or folders), or
     *                {@link KnowledgeWatcher#EVERYTHING} to look at every file
     * @throws KnowledgeException when no article would be left, so the previous knowledge keeps serving
     */
    public static Outcome apply(ArticleLoader loader, LoadedKnowledge previous, Set<String> touched) {
        Path root = previous.dir();
        if (!Files.isDirectory(root)) {
            throw new KnowledgeException("knowledge folder " + root + " is gone; still answering from the previous articles");
        }
        Map<String, Article> articles = new TreeMap<>();
        previous.articles().forEach(article -> articles.put(article.file(), article));
        Map<String, SkippedFile> skipped = new TreeMap<>();
        previous.skipped().forEach(file -> skipped.put(file.file(), file));

        Set<String> files = filesToRead(loader, root, articles.keySet(), skipped.keySet(), touched);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<SkippedFile> kept = new ArrayList<>();
        for (String file : files) {
            Path path = root.resolve(file);
            skipped.remove(file);
            if (!Files.exists(path) || !loader.isArticle(file)) {
                if (articles.remove(file) != null) {
                    removed.add(file);
                }
                continue;
            }
            try {
                Article article = loader.parse(file, Files.readAllBytes(path));
                Article before = articles.put(file, article);
                if (before == null) {
                    added.add(file);
                } else if (!before.equals(article)) {
                    changed.add(file);
                }
            } catch (IOException | KnowledgeException e) {
                String reason = e instanceof IOException ? "cannot read: " + e.getMessage() : e.getMessage();
                if (articles.containsKey(file)) {
                    log.warn("{} no longer reads ({}): still answering from its previous version", file, reason);
                    kept.add(new SkippedFile(file, reason));
                } else {
                    log.warn("skipped {}: {}", file, reason);
                    skipped.put(file, new SkippedFile(file, reason));
                }
            }
        }
        if (articles.isEmpty()) {
            throw new KnowledgeException("no articles would be left in " + root + "; still answering from the previous ones");
        }
        return new Outcome(new LoadedKnowledge(root, new ArrayList<>(articles.values()), new ArrayList<>(skipped.values())),
                added, changed, removed, kept);
    }

    /** The files a change may concern: those named, those under a folder named, those known under a folder gone. */
    private static Set<String> filesToRead(ArticleLoader loader, Path root, Set<String> known, Set<String> skipped,
                                           Set<String> touched) {
        Set<String> files = new TreeSet<>();
        if (touched.contains(KnowledgeWatcher.EVERYTHING)) {
            files.addAll(loader.files(root).keySet());
            files.addAll(known);
            files.addAll(skipped);
            return files;
        }
        Set<String> present = null;
        for (String path : touched) {
            String prefix = path + "/";
            if (Files.isDirectory(root.resolve(path))) {
                if (present == null) {
                    present = loader.files(root).keySet();
                }
                present.stream().filter(file -> file.startsWith(prefix)).forEach(files::add);
            } else {
                files.add(path);
            }
            known.stream().filter(file -> file.startsWith(prefix)).forEach(files::add);
        }
        return files;
    }
}
