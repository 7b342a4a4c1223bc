package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.config.Config;
import com.ccabot.console.ConsoleChat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code console}: chat with the bot in this terminal. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Chat in this terminal (:help, :sources, :stats, :quit); reads lines when input is piped.")
final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Override
    public Integer call() {
        return chat(root.config());
    }

    /** Starts the bot and chats in this terminal, keeping the line history in the cache folder. */
    static int chat(Config config) {
        return new ConsoleChat(Application.start(config), System.in, System.out,
                config.index().cacheDir().resolve("console-history")).run();
    }
}
