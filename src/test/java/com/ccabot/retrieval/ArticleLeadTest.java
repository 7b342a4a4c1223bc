package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a report's lead gives every sentence after it, on an article of the test's own: the lead names the place and
 * the thing the report is about, later sentences say "its" and "the works"; and a number that says how many things
 * a question asks to be named is not a figure the window must hold.
 */
class ArticleLeadTest {

    private static final String ARTICLE = """
            ---
            title: A glass works opens in the steppe
            date: 2024-05-20
            source: Test Wire
            ---

            TOLQIN, May 20, 2024 — A glass works built by a company from Anhui opened on Monday in Tolqin district of Kazakhstan's Turan region.

            Officials from the district and guests from Anhui cut a ribbon at the gate.

            The works cost 90 million dollars and employs 400 people.

            Engineers spent two years installing the furnaces.

            Its main product is float glass for windows.

            Workers painted the fences green in the spring.

            Uzbekistan's glass imports fell by a third last year.

            Students from a nearby college will train at the works.

            Each day the works can turn out a capacity of 600 tonnes of glass.

            Besides the first works, the company is building more in the towns of Arys and Kentau.
            """;

    @TempDir
    static Path work;
    private static KnowledgeIndex index;
    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        index = OwnArticles.indexed(work, Map.of("2024-05-20-glass-works.md", ARTICLE));
        retriever = OwnArticles.retriever(index);
    }

    @Test
    void theLeadsPlaceAndNameHoldForASentenceThatSaysIts() {
        Retrieval retrieval = retriever.retrieve("What is the main product of the Tolqin glass works in Kazakhstan?");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).startsWith("Its main product");
    }

    @Test
    void theLeadsNameHoldsForASentenceThatSaysTheWorks() {
        Retrieval retrieval = retriever.retrieve("What is the daily capacity of the Tolqin works?");

        assertThat(retrieval.verdict().reason()).as(retrieval.verdict().toString()).doesNotStartWith("no one passage gives")
                .doesNotStartWith("no passage names");
        assertThat(retrieval.evidence()).anySatisfy(e -> assertThat(e.text()).contains("600 tonnes"));
    }

    @Test
    void theLeadsCountryDoesNotHoldForASentenceAboutAnotherCountry() {
        Retrieval retrieval = retriever.retrieve("How much did Kazakhstan's glass imports fall, and what is the main product?");
        WindowRequirements.Requirement countries = WindowRequirements.countries(retrieval.terms(), index.analyzer());

        assertThat(retrieval.evidence()).filteredOn(e -> e.text().startsWith("Its main product"))
                .singleElement().satisfies(e -> assertThat(countries.heldBy(e)).isTrue());
        assertThat(retrieval.evidence()).filteredOn(e -> e.text().startsWith("Uzbekistan's glass imports"))
                .singleElement().satisfies(e -> assertThat(countries.heldBy(e)).isFalse());
    }

    @Test
    void theNumberOfThingsToNameIsNotAFigureToFind() {
        Retrieval retrieval = retriever.retrieve("Which two towns will get the company's next glass works? name them");

        assertThat(retrieval.verdict().reason()).doesNotStartWith("no passage gives");
        assertThat(WindowRequirements.listSizes("which two towns will get them? name the 3 cities, what 12 things"))
                .containsExactlyInAnyOrder("two", "3", "12");
        assertThat(WindowRequirements.listSizes("how many towns got two works?")).isEmpty();
    }
}
