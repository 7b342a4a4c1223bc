package com.ccabot.cli;

import com.ccabot.config.Secrets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: only the HTTP server, for programs that ask through {@code POST /api/ask}; no Telegram. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run only the HTTP server (server.port): /api/ask for your programs, /health/*, /metrics.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Override
    public Integer call() throws InterruptedException {
        Secrets secrets = Secrets.fromEnvironment(System.getenv());
        return new Service(root.config(), new Secrets(null, secrets.llmApiKey(), null, secrets.apiToken(),
                secrets.redisPassword()), false)
                .run("cca-bot is serving.");
    }
}
