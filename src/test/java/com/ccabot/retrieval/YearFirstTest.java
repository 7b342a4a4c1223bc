package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year a question names is what it asks about: the sentence that names it leads, not the report's lead; a
 * sentence of an article of that year names it as much as one that writes it.
 */
class YearFirstTest {

    @TempDir
    static Path folder;

    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        KnowledgeIndex index = OwnArticles.indexed(folder, Map.of(
                "2019-09-03-khorog-language-school.md", OwnArticles.article("The Pamir language school in Khorog marks ten years",
                        "2019-09-03", """
                        KHOROG, Sept 3 -- The Pamir language school in Khorog, which teaches Chinese and English to \
                        pupils from the mountain districts, marked its tenth year on Tuesday with a concert in the \
                        town's park.
                        The school opened in 2009 with 40 pupils and two teachers from Urumqi.
                        As more pupils came, it was made a faculty of Khorog State University in 2016, with its own \
                        dormitory.
                        Its graduates now work as guides and interpreters on the road to Kashgar."""),
                "2016-05-10-bishkek-trade-forum.md", OwnArticles.article("Bishkek trade forum launches cooperation projects",
                        "2016-05-10", """
                        BISHKEK, May 10 -- Thirteen cooperation projects were launched at the Bishkek trade forum on \
                        Tuesday, among them a cold store for fruit and a bus depot."""),
                "2019-06-01-bishkek-fairs.md", OwnArticles.article("Bishkek's trade fairs grow", "2019-06-01", """
                        The Bishkek trade forum has grown since 2016, when its organisers counted 400 visitors at the \
                        forum.""")));
        retriever = OwnArticles.retriever(index);
    }

    @Test
    void theSentenceThatNamesTheAskedYearLeads() {
        Retrieval retrieval = retriever.retrieve("What did the Pamir language school in Khorog turn into in 2016?");

        assertThat(retrieval.relevant()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("in 2016");
    }

    @Test
    void aSentenceThatNamesAnotherYearDoesNotGiveTheAskedOneThoughItsArticleIsOfThatYear() {
        Retrieval retrieval = retriever.retrieve("How many visitors came to the Bishkek trade forum in 2019?");

        assertThat(retrieval.relevant()).as("the 2019 report counts 2016's visitors").isFalse();
        assertThat(retrieval.verdict().reason()).contains("2019");
    }

    @Test
    void aSentenceOfAnArticleOfThatYearNamesTheYearAsMuchAsOneThatWritesIt() {
        Retrieval retrieval = retriever.retrieve("How many cooperation projects were launched at the Bishkek trade forum in 2016?");

        assertThat(retrieval.evidence().get(0).text()).contains("Thirteen cooperation projects");
    }
}
