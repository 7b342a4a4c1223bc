package com.ccabot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineUsageTest {

    /** Where an in-process run that gets as far as loading the model may keep it; never cleaned mid-load. */
    private static final Path MODEL_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "cca-bot-cli-usage-test-cache");

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void versionPrintsTheProgramNameAndAVersionAndExitsZero() {
        assertThat(execute("--version")).isZero();

        assertThat(out.toString().strip()).matches("cca-bot \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpListsEverySubCommandAndTheSharedOptions() {
        assertThat(execute("--help")).isZero();

        assertThat(out.toString()).contains("Usage: cca-bot")
                .containsPattern("(?m)^\\s+console\\s").containsPattern("(?m)^\\s+ask\\s")
                .containsPattern("(?m)^\\s+eval\\s").containsPattern("(?m)^\\s+index\\s")
                .containsPattern("(?m)^\\s+bench\\s").containsPattern("(?m)^\\s+add\\s")
                .contains("--config", "--knowledge", "--backend", "--set", "--version", "Exit codes:");
    }

    @Test
    void askHelpDescribesTheQuestionAndJsonOutput() {
        assertThat(execute("ask", "--help")).isZero();

        assertThat(out.toString()).contains("Usage: cca-bot ask", "--json", "QUESTION", "standard input");
    }

    @Test
    void everySubCommandHasHelp() {
        for (String command : new String[] {"console", "ask", "add", "eval", "index", "bench"}) {
            StringWriter help = new StringWriter();
            CommandLine commandLine = CcaBotCommand.commandLine();
            commandLine.setOut(new PrintWriter(help));

            assertThat(commandLine.execute(command, "--help")).as(command).isZero();
            assertThat(help.toString()).as(command).contains("Usage: cca-bot " + command);
        }
    }

    @Test
    void anUnknownOptionExitsWithTwoAndNamesIt() {
        assertThat(execute("--no-such-option")).isEqualTo(2);

        assertThat(err.toString()).contains("--no-such-option").contains("Usage: cca-bot");
    }

    @Test
    void anUnknownSubCommandOptionExitsWithTwo() {
        assertThat(execute("ask", "--jsn", "hello")).isEqualTo(2);

        assertThat(err.toString()).contains("--jsn");
    }

    @Test
    void aBadSettingOnTheCommandLineExitsWithTwoNamingTheSetting() {
        assertThat(execute("--set", "retrieval.top-k=abc", "ask", "hello")).isEqualTo(2);

        assertThat(err.toString()).contains("retrieval.top-k", "'abc'", "the command line", "1 to 50")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnknownSettingOnTheCommandLineExitsWithTwoListingTheKnownKeys() {
        assertThat(execute("--set", "retrieval.topk=3", "ask", "hello")).isEqualTo(2);

        assertThat(err.toString()).contains("retrieval.topk", "retrieval.top-k");
    }

    @Test
    void aSettingWithoutAValueIsAUsageError() {
        assertThat(execute("--set", "retrieval.top-k", "ask", "hello")).isEqualTo(2);

        assertThat(err.toString()).contains("retrieval.top-k");
    }

    @Test
    void aMissingKnowledgeFolderExitsWithTwoSayingItDoesNotExist() {
        Path missing = work.resolve("nonexistent");

        assertThat(execute("--knowledge", missing.toString(), "--set", "index.cache-dir=" + MODEL_CACHE,
                "ask", "hello")).isEqualTo(2);

        assertThat(err.toString()).contains("knowledge folder", missing.toString(), "does not exist", "--knowledge")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnknownBackendExitsWithTwoListingTheAllowedOnes() {
        assertThat(execute("--backend", "gpt", "ask", "x")).isEqualTo(2);

        assertThat(err.toString()).contains("answer.backend", "'gpt'", "allowed: extractive, openai, ollama");
    }

    @Test
    void sharedOptionsAreAcceptedAfterTheSubCommandToo() {
        assertThat(execute("ask", "--backend", "gpt", "x")).isEqualTo(2);

        assertThat(err.toString()).contains("answer.backend", "'gpt'");
    }

    @Test
    void aMissingSettingsFileExitsWithTwoNamingIt() {
        Path missing = work.resolve("missing.yaml");

        assertThat(execute("--config", missing.toString(), "ask", "x")).isEqualTo(2);

        assertThat(err.toString()).contains(missing.toString(), "does not exist");
    }

    @Test
    void evalWithoutAFileIsAUsageError() {
        assertThat(execute("eval")).isEqualTo(2);

        assertThat(err.toString()).contains("FILE");
    }

    @Test
    void addWithoutAUrlIsAUsageError() {
        assertThat(execute("add")).isEqualTo(2);

        assertThat(err.toString()).contains("URL");
    }

    @Test
    void addRefusesWhatIsNoHttpUrlWithOneAndTheReason() {
        assertThat(execute("add", "ftp://127.0.0.1/article.pdf", "--knowledge", work.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("cca-bot: could not add ftp://127.0.0.1/article.pdf: only http and https URLs")
                .doesNotContain("Exception", "\tat ");
    }

    private int execute(String... arguments) {
        CommandLine commandLine = CcaBotCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(arguments);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exit;
    }
}
