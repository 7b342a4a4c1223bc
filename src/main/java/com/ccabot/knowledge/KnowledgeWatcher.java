package com.ccabot.knowledge;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a knowledge folder and its sub-folders, and reports what was added, changed or deleted, a burst of
 * events (a copy of fifty files, an editor's save-and-rename) at a time: once the folder has been quiet for
 * {@code quiet}, or at the latest after {@code longest}. Reports paths relative to the folder, with {@code /}
 * separators; a path may name a folder, whose files all changed. When events were lost (the system's queue
 * overflowed), it reports {@link #EVERYTHING}.
 */
public final class KnowledgeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

    /** Reported when events were lost: every file may have changed. */
    public static final String EVERYTHING = "";

    private final Path root;
    private final WatchService watcher;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Consumer<Set<String>> onChange;
    private final Duration quiet;
    private final Duration longest;
    private final Thread thread;
    private volatile boolean running = true;

    private KnowledgeWatcher(Path root, WatchService watcher, Consumer<Set<String>> onChange, Duration quiet,
                             Duration longest) {
        this.root = root;
        this.watcher = watcher;
        this.onChange = onChange;
        this.quiet = quiet;
        this.longest = longest;
        this.thread = new Thread(this::run, "knowledge-watch");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code dir}; {@code onChange} runs on the watcher's own thread, one batch at a time.
     *
     * @throws KnowledgeException when the folder cannot be watched
     */
    public static KnowledgeWatcher start(Path dir, Consumer<Set<String>> onChange, Duration quiet, Duration longest) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            KnowledgeWatcher watcher = new KnowledgeWatcher(root, root.getFileSystem().newWatchService(), onChange,
                    quiet, longest);
            watcher.registerTree(root);
            watcher.thread.start();
            log.info("watching {} for added, changed and deleted articles", root);
            return watcher;
        } catch (IOException e) {
            throw new KnowledgeException("cannot watch knowledge folder " + root + ": " + e.getMessage());
        }
    }

    private void run() {
        Set<String> batch = new LinkedHashSet<>();
        long first = 0;
        while (running) {
            try {
                WatchKey key = batch.isEmpty() ? watcher.take() : watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    if (batch.isEmpty()) {
                        first = System.nanoTime();
                    }
                    collect(key, batch);
                }
                boolean settled = key == null || System.nanoTime() - first > longest.toNanos();
                if (!batch.isEmpty() && settled) {
                    Set<String> changed = Set.copyOf(batch);
                    batch.clear();
                    report(changed);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private void report(Set<String> changed) {
        try {
            onChange.accept(changed);
        } catch (RuntimeException e) {
            // the watch goes on: the next change is tried again
            log.error("could not take in the changes to {}: {}", changed, e.getMessage(), e);
        }
    }

    private void collect(WatchKey key, Set<String> batch) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                batch.add(EVERYTHING);
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (isHidden(path)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                registerTree(path); // a folder copied in: its files are read with it
            }
            batch.add(relative(path));
        }
        if (!key.reset()) {
            folders.remove(key); // the folder is gone; its deletion was reported by its parent
        }
    }

    private void registerTree(Path top) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && isHidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.put(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("cannot watch {}: {}; changes in it are seen at the next /reload", relative(top), e.getMessage());
        }
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("closing the watch service", e);
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
