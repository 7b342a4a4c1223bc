package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.Indexer;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follow-up report retells a sentence of the first one with other figures: the two are one report, told as the
 * article that fits the question tells it (the first report, or the latest when asked for what is latest).
 */
class RetoldFiguresTest {

    @TempDir
    static Path folder;

    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        write("2024-03-10-cotton-fair.md", "Cotton fair opens in Termez", "2024-03-10", """
                The cotton fair in Termez drew 140 exhibitors from Uzbekistan, Tajikistan and China's Xinjiang. \
                Spinning mills from Namangan showed yarn dyed with plant colours. Buyers from Kashgar and Khujand \
                walked the halls for three days, and the organisers opened a second hall for machinery.""");
        write("2024-06-02-cotton-fair-follow-up.md", "\"Follow-up: cotton fair opens in Termez\"", "2024-06-02", """
                Three months on, the organisers gave new figures. \
                The cotton fair in Termez drew 185 exhibitors from Uzbekistan, Tajikistan and China's Xinjiang.""");
        write("2024-04-04-tea-house.md", "Tea house opens in Osh", "2024-04-04", """
                A tea house serving Kyrgyz and Chinese dishes opened in Osh this week. Its owner trained in Kashgar.""");
        KnowledgeIndex index = new Indexer(MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2)),
                MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), folder.resolve(".cache")).index(new ArticleLoader().load(folder));
        retriever = new HybridRetriever(index, RankFusion.RRF, AnswerModels.shipped().ranker(), AnswerModels.shipped().gate(), 4);
    }

    private static void write(String file, String title, String date, String text) throws Exception {
        Files.writeString(folder.resolve(file), "---\ntitle: " + title + "\ndate: " + date + "\nsource: Test Wire\n---\n"
                + text + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void aSentenceRetoldWithOtherFiguresIsOneReportToldByTheFirstOrByTheLatestWhenAskedFor() {
        Evidence first = best("How many exhibitors did the cotton fair in Termez draw?");
        assertThat(first.text()).contains("140 exhibitors");
        assertThat(first.passage().chunk().article().file()).startsWith("2024-03-10");

        Evidence latest = best("What is the latest number of exhibitors at the cotton fair in Termez?");
        assertThat(latest.text()).contains("185 exhibitors");
        assertThat(latest.passage().chunk().article().file()).startsWith("2024-06-02");
    }

    @Test
    void figuresAreBlankedButYearsAndWordsStay() {
        assertThat(NearCopies.withoutFigures("Over 70 universities, 4,500 students and 8.9 percent in 2025."))
                .isEqualTo(NearCopies.withoutFigures("Over 57 universities, 3,120 students and 9.4 percent in 2025."))
                .isEqualTo("Over # universities, # students and # percent in 2025.");
        assertThat(NearCopies.withoutFigures("The fair drew 140 exhibitors in 2024."))
                .isNotEqualTo(NearCopies.withoutFigures("The fair drew 140 exhibitors in 2025."))
                .isNotEqualTo(NearCopies.withoutFigures("The fair drew 140 buyers in 2024."));
    }

    private static Evidence best(String question) {
        return retriever.retrieve(question).evidence().get(0);
    }
}
