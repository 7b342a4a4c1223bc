package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.Indexer;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.KnowledgeIndex.VectorHit;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vector ranking looks past the retellings of one report until it holds as many reports as it should. */
class VectorReportsTest {

    private static final String RETOLD = """
            A new cold-storage warehouse for fruit and vegetables opened near the Irkeshtam border crossing on\
             Tuesday, built by a Kyrgyz-Chinese joint venture. It can hold 5,000 tonnes of produce and will let\
             farmers in the Osh region keep apricots and cherries fresh for the trucks bound for Kashgar.""";

    @TempDir
    static Path folder;

    private static KnowledgeIndex index;

    @BeforeAll
    static void index() throws Exception {
        for (int copy = 1; copy <= 4; copy++) {
            write("2024-06-0" + copy + "-warehouse-" + copy + ".md", "Cold store opens at Irkeshtam", "2024-06-0" + copy,
                    RETOLD);
        }
        write("2024-07-10-apricot-season.md", "Apricot season in Osh", "2024-07-10", """
                Farmers in the Osh region picked a record apricot harvest this summer, and most of the fruit went by\
                 truck through the Irkeshtam crossing to buyers in Kashgar and Urumqi.""");
        write("2024-02-02-tea-house.md", "Tea house opens in Bishkek", "2024-02-02", """
                A tea house serving Kyrgyz and Chinese dishes opened in Bishkek this week. Its owner trained as a\
                 cook in Chengdu and hires students from the city's language schools.""");
        index = new Indexer(MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2)),
                MiniLmEmbeddingModel.MODEL_ID, new Chunker(500), folder.resolve(".cache"))
                .index(new ArticleLoader().load(folder));
    }

    private static void write(String file, String title, String date, String text) throws Exception {
        Files.writeString(folder.resolve(file), "---\ntitle: " + title + "\ndate: " + date + "\nsource: Test Wire\n---\n"
                + text + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void retellingsCountAsOneReport() {
        List<VectorHit> hits = index.nearest(index.embed("How much produce can the cold-storage warehouse near the Irkeshtam crossing hold?"), 6);
        assertThat(files(hits).subList(0, 4)).allMatch(file -> file.contains("-warehouse-"));

        // the four retellings are one report: two reports take five hits, and the third report is left out
        assertThat(files(NearCopies.holdingReports(hits, 2, index)))
                .isEqualTo(files(hits).subList(0, 5))
                .endsWith("2024-07-10-apricot-season.md");
        assertThat(files(NearCopies.holdingReports(hits, 1, index))).isEqualTo(files(hits).subList(0, 4));
    }

    @Test
    void withoutCopiesTheRankingIsCutToTheReportsAsked() {
        List<VectorHit> hits = index.nearest(index.embed("Who opened a tea house in Bishkek?"), 6);
        // one hit of each article, the first retelling standing alone
        String firstRetelling = files(hits).stream().filter(file -> file.contains("-warehouse-")).findFirst().orElseThrow();
        List<VectorHit> distinct = hits.stream()
                .filter(hit -> !file(hit).contains("-warehouse-") || file(hit).equals(firstRetelling))
                .toList();
        assertThat(distinct).hasSize(3);

        assertThat(NearCopies.holdingReports(distinct, 3, index)).isEqualTo(distinct);
        assertThat(NearCopies.holdingReports(distinct, 2, index)).isEqualTo(distinct.subList(0, 2));
    }

    private static List<String> files(List<VectorHit> hits) {
        return hits.stream().map(VectorReportsTest::file).toList();
    }

    private static String file(VectorHit hit) {
        return index.chunks().get(hit.chunk()).article().file();
    }
}
