package com.ccabot.cli;

import com.ccabot.Application;
import com.ccabot.config.Config;
import com.ccabot.config.ConfigException;
import com.ccabot.config.ConfigLoader;
import com.ccabot.config.Secrets;
import com.ccabot.knowledge.KnowledgeException;
import com.ccabot.telegram.TelegramTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
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
                IndexCommand.class, BenchCommand.class, ServeCommand.class},
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
            Config config = config();
            tell(config, "No TELEGRAM_BOT_TOKEN set: starting the console. To chat in Telegram, create a bot"
                    + " with @BotFather and export TELEGRAM_BOT_TOKEN=<token>.");
            return ConsoleCommand.chat(config);
        }
        TelegramTransport.requireWellFormed(secrets.telegramBotToken());
        return new Service(config(), secrets, true).run("cca-bot is answering in Telegram.");
    }

    /** A line for whoever started the bot: plain on stderr, or a log record when stderr is JSON for a collector. */
    /** A line for the person who started the bot: on stderr, or as a log record when logs are JSON. */
    static void tell(Config config, String line) {
        if (config.log().json()) {
            org.slf4j.LoggerFactory.getLogger(CcaBotCommand.class).info(line);
        } else {
            System.err.println(line);
        }
    }

    /** The configuration: defaults, then the file, then CCA_* variables, then these options. */
    Config config() {
        return config(Map.of());
    }

    /** The configuration of these options with some settings overridden further. */
    Config config(Map<String, String> further) {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (knowledge != null) {
            overrides.put("knowledge.dir", knowledge.toString());
        }
        if (backend != null) {
            overrides.put("answer.backend", backend);
        }
        overrides.putAll(further);
        Config config = new ConfigLoader(System.getenv()).load(configFile, overrides);
        Logging.apply(config.log());
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
