package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.config.Config;
import com.ccabot.console.ConsoleChat;
import com.ccabot.knowledge.KnowledgeWatcher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code console}: chat with the bot in this terminal. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Chat in this terminal (:help, :sources, :stats, :reload, :quit); reads lines when input is piped.")
final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Override
    public Integer call() {
        return chat(root.config());
    }

    /**
     * Starts the bot and chats in this terminal, keeping the line history in the cache folder and, unless
     * {@code knowledge.watch} is off, taking in articles as they are added, changed or deleted.
     */
    static int chat(Config config) {
        Application app = Application.start(config);
        try (KnowledgeWatcher watcher = config.knowledge().watch() ? app.watchKnowledge() : null) {
            return new ConsoleChat(app, System.in, System.out, config.index().cacheDir().resolve("console-history")).run();
        }
    }
}
