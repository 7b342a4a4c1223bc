package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.config.Config;
import com.ccabot.config.ConfigException;
import com.ccabot.config.ConfigLoader;
import com.ccabot.config.Secrets;
import com.ccabot.console.ConsoleChat;
import com.ccabot.knowledge.KnowledgeException;
import com.ccabot.telegram.TelegramTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code cca-bot} command: with no sub-command, Telegram when a bot token is set and the console otherwise.
 * Holds the options every sub-command shares, and turns them into the configuration.
 */
@Command(name = "cca-bot",
        mixinStandardHelpOptions = true,
        versionProvider = CcaBotCommand.Version.class,
        description = "Answers questions about China–Central Asia cooperation from a folder of articles, citing them.",
        subcommands = {ConsoleCommand.class, AskCommand.class, AddCommand.class, EvalCommand.class, FitCommand.class,
                IndexCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a runtime failure", "2:a usage or configuration error"})
public final class CcaBotCommand implements Callable<Integer> {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "settings file (default: config/cca-bot.yaml when it exists)")
    Path configFile;

    @Option(names = "--knowledge", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "folder of articles (setting knowledge.dir)")
    Path knowledge;

    @Option(names = "--backend", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "answer backend (setting answer.backend): extractive, openai or ollama")
    String backend;

    @Option(names = "--set", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "override any setting, e.g. --set retrieval.top-k=8 (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The command line with cca-bot's error handling: exit 2 with a message for bad settings or articles. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CcaBotCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean usage = e instanceof ConfigException || e instanceof KnowledgeException;
            cmd.getErr().println("cca-bot: " + e.getMessage());
            if (!usage) {
                org.slf4j.LoggerFactory.getLogger(CcaBotCommand.class).debug("failure", e);
            }
            return usage ? 2 : 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws InterruptedException {
        Secrets secrets = Secrets.fromEnvironment(System.getenv());
        if (secrets.telegramBotToken() == null) {
            System.err.println("No TELEGRAM_BOT_TOKEN set: starting the console. To chat in Telegram, create a bot"
                    + " with @BotFather and export TELEGRAM_BOT_TOKEN=<token>.");
            return new ConsoleChat(Application.start(config()), System.in, System.out).run();
        }
        TelegramTransport.requireWellFormed(secrets.telegramBotToken());
        Config config = config();
        TelegramTransport telegram = TelegramTransport.start(Application.start(config), config.telegram(), secrets.telegramBotToken());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            telegram.close();
            stopped.countDown();
        }, "shutdown"));
        System.err.println("cca-bot is answering in Telegram; press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    /** The configuration: defaults, then the file, then CCA_* variables, then these options. */
    Config config() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (knowledge != null) {
            overrides.put("knowledge.dir", knowledge.toString());
        }
        if (backend != null) {
            overrides.put("answer.backend", backend);
        }
        Config config = new ConfigLoader(System.getenv()).load(configFile, overrides);
        LogLevel.apply(config.log().level());
        return config;
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = CcaBotCommand.class.getResourceAsStream("/cca-bot-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"cca-bot " + properties.getProperty("version", "unknown")};
        }
    }
}
