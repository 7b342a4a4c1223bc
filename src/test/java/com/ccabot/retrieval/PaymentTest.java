package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question of what something cost is answered by a sum paid, not by any sum, on an article of our own (that a sum
 * paid answers it is {@link WindowRequirementsTest}'s bridge that "cost 90 million dollars").
 */
class PaymentTest {

    @TempDir
    static Path work;
    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        KnowledgeIndex index = OwnArticles.indexed(work, Map.of(
                "2015-06-02-irkeshtam-pass.md", OwnArticles.article("Trade grows through the Irkeshtam pass", "2015-06-02",
                        "The Irkeshtam customs post on the Kyrgyz-Chinese border was rebuilt last year.\n\n"
                        + "Trade through the Irkeshtam pass grew to 400 million dollars in 2014, customs officers said.\n\n"
                        + "Trucks now wait less than a day at the Irkeshtam customs post.")));
        retriever = OwnArticles.retriever(index);
    }

    @Test
    void aSumThatMeasuresSomethingElseDoesNotSayWhatItCost() {
        Retrieval retrieval = retriever.retrieve("How much did it cost to rebuild the Irkeshtam customs post?");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isFalse();
        assertThat(retrieval.verdict().reason()).isEqualTo("no passage gives an amount for cost");
        assertThat(retrieval.verdict().requirementUnmet()).isTrue();
        assertThat(com.ccabot.answer.Declines.notCovered(retrieval)).as("what is lacking, not that 'cost' is never named")
                .contains("no passage gives an amount for cost").doesNotContain("nothing on");
    }

    @Test
    void aWordOfPaymentMakesASumPaidOnlyCloseToIt() {
        assertThat(WindowRequirements.paid("Total investment was put at 178 million dollars.")).isTrue();
        assertThat(WindowRequirements.paid("The $1.2 billion plant, financed by a state bank, opened in May.")).isTrue();
        assertThat(WindowRequirements.paid("Customs put the year's figure at $43.82 billion, up 6.8 percent, and China is the"
                + " country's largest trading and investment partner.")).as("the word of payment is far from the sum").isFalse();
        assertThat(WindowRequirements.paid("The port's revenue rose to 30 million dollars in 2023.")).isTrue();
        assertThat(WindowRequirements.paid("The town will earn 2 million euros a year from the tolls.")).isTrue();
    }
}
