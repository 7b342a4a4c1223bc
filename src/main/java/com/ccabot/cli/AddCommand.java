package com.ccabot.cli;

import com.ccabot.config.Config;
import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.ArticleDownloader;
import com.ccabot.knowledge.DownloadException;
import com.ccabot.knowledge.SavedArticle;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code add URL}: downloads a news article into the knowledge folder; the next start or reload indexes it. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Download the article at URL (an HTML page or a PDF) and save it into the knowledge folder as"
                + " Markdown; the next start or /reload answers from it.",
                "Only public addresses unless knowledge.allow-private-urls is true; at most "
                        + ArticleDownloader.MAX_MEGABYTES + " MB."})
final class AddCommand implements Callable<Integer> {

    @ParentCommand
    CcaBotCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "the article's http or https address")
    URI url;

    @Override
    public Integer call() {
        Config config = root.config();
        SavedArticle saved;
        try {
            saved = new ArticleDownloader(config.knowledge().dir(), config.knowledge().allowPrivateUrls()).add(url);
        } catch (DownloadException e) {
            spec.commandLine().getErr().println("cca-bot: could not add " + url + ": " + e.getMessage());
            return 1;
        }
        Article article = saved.article();
        PrintStream out = Output.utf8();
        out.printf("added:  %s%n", article.title());
        out.printf("date:   %s%n", article.date() == null ? "(none given)" : article.date());
        if (article.outlet() != null) {
            out.printf("source: %s%n", article.outlet());
        }
        out.printf("file:   %s%n", saved.file());
        out.printf("url:    %s%n", article.url());
        out.println("The next start, or /reload in Telegram, answers from it.");
        out.flush();
        return 0;
    }
}
