package com.ccabot.cli;

import com.ccabot.Application;
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
        return new ConsoleChat(Application.start(root.config()), System.in, System.out).run();
    }
}
