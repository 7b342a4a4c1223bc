package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.bench.ProcessMemory;
import com.ccabot.index.IndexStats;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code index}: loads and embeds the knowledge folder and reports what it found. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Load and embed the knowledge folder; report articles, chunks, time and cache hits.")
final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Option(names = "--memory", description = "also print the heap used after a full garbage collection and the"
            + " process's resident memory (RSS, which holds the embedding model too)")
    boolean memory;

    @Override
    public Integer call() {
        Application app = Application.start(root.config());
        IndexStats stats = app.index().stats();
        PrintStream out = Output.utf8();
        out.printf("knowledge:  %s%n", app.config().knowledge().dir().toAbsolutePath().normalize());
        out.printf("articles:   %d (%d files skipped, see warnings)%n", stats.articles(), stats.skippedFiles());
        out.printf("chunks:     %d (%d sentences)%n", stats.chunks(), stats.sentences());
        out.printf("embedded:   %d texts, %d from the cache in %s%n", stats.embedded(), stats.cacheHits(),
                app.config().index().cacheDir());
        out.printf("indexing:   %d ms%n", stats.elapsed().toMillis());
        out.printf("ready in:   %d ms (model loading included)%n", app.startup().toMillis());
        out.printf("version:    %s%n", app.index().version());
        if (memory) {
            out.printf("memory:     %s%n", ProcessMemory.measure());
            Reference.reachabilityFence(app); // what is measured is the heap of a running bot
        }
        out.flush();
        return 0;
    }
}
