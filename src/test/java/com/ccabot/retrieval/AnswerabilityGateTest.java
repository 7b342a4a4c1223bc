package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's requirements on an article of the test's own, whose sentences are far enough apart that a window (a
 * sentence with its neighbours and the title) holds one subject or the other, never both.
 */
class AnswerabilityGateTest {

    private static final String ARTICLE = """
            ---
            title: Two energy projects in the region
            date: 2024-03-10
            source: Test Wire
            ---

            Tajikistan opened a solar park near Khujand on Monday.

            The solar park has a capacity of 200 megawatts.

            Local officials attended the opening ceremony with students from a nearby school.

            Workers planted trees along the access road during the week.

            Kazakhstan announced a separate wind project near Almaty.

            The wind project will be built by a company from Hebei province.

            The company from Hebei will own 60 percent of the wind project.

            Its registered capital was raised twice last year.
            """;

    /** Posts named with a rank and with whose they are, in windows far apart. */
    private static final String COUNCILS = """
            ---
            title: Water and steppe councils meet in the spring
            date: 2024-04-02
            source: Test Wire
            ---

            Aziz Karimov, deputy chairman of the Aral Water Council, opened the spring session in Nukus.

            The session discussed irrigation canals, drip watering and the planting of saxaul shrubs.

            Engineers presented maps of the shrinking shoreline and of new wells.

            The water council adopted three resolutions on seasonal quotas.

            Dilnoza Rakhimova, chairman of the Steppe Grazing Forum, welcomed herders from three provinces.

            The forum's working groups include pasture mapping, veterinary care and wool trade.

            On April 5 the herders' union gathered in Termez.

            A fund for mobile clinics was launched at the gathering.
            """;

    @TempDir
    static Path work;
    private static KnowledgeIndex index;
    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        index = OwnArticles.indexed(work, Map.of("2024-03-10-energy-projects.md", ARTICLE, "2024-04-02-water-councils.md", COUNCILS));
        retriever = OwnArticles.retriever(index);
    }

    @Test
    void aCountryInOneWindowAndTheAskedForThingInAnotherDoNotMakeAnAnswer() {
        Retrieval elsewhere = retriever.retrieve("What is the capacity of the wind project in Kazakhstan?");
        Retrieval together = retriever.retrieve("What is the capacity of the solar park in Tajikistan?");

        assertThat(elsewhere.relevant()).isFalse();
        assertThat(elsewhere.verdict().reason()).startsWith("no one passage gives");
        assertThat(com.ccabot.answer.Declines.notCovered(elsewhere))
                .contains("no passage gives", "“Kazakhstan” and “capacity” together", "Two energy projects in the region");
        assertThat(together.verdict().reason()).doesNotStartWith("no one passage gives");
    }

    @Test
    void aQuestionOfCostNeedsASumOfMoneyInTheWindow() {
        Retrieval retrieval = retriever.retrieve("How much did the wind project near Almaty cost?");

        assertThat(retrieval.relevant()).isFalse();
        assertThat(retrieval.verdict().missing()).containsExactly("cost");
    }

    @Test
    void anAskedForShareIsGivenByAPercentage() {
        Retrieval retrieval = retriever.retrieve("What is the share of the wind project owned by the company from Hebei?");

        assertThat(retrieval.verdict().reason()).doesNotStartWith("no passage gives the");
        assertThat(retrieval.relevant()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("60 percent");
    }

    @Test
    void anAskedForThingThatIsItsOwnersByAPronounIsNamedWithItsOwner() {
        Retrieval retrieval = retriever.retrieve("What is the registered capital of the Hebei company?");

        assertThat(retrieval.verdict().reason()).as(retrieval.verdict().toString()).doesNotStartWith("no passage names the")
                .doesNotStartWith("no one passage gives");
        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence()).anySatisfy(e -> assertThat(e.text()).startsWith("Its registered capital"));
    }

    @Test
    void windowsNamingTheQuestionsCountryComeFirst() {
        Retrieval retrieval = retriever.retrieve("Who will build the project in Kazakhstan?");

        assertThat(retrieval.evidence().get(0).window()).containsAll(index.analyzer().terms("Kazakhstan"));
    }

    @Test
    void theArticlesMonthAndYearBelongToEverySentence() {
        Retrieval retrieval = retriever.retrieve("What capacity does the solar park opened in March 2024 have?");

        assertThat(retrieval.verdict().reason()).doesNotStartWith("no passage gives");
        assertThat(retrieval.evidence().stream().filter(e -> e.text().contains("200 megawatts")).findFirst().orElseThrow()
                .window()).containsAll(index.analyzer().terms("March 2024"));
    }

    @Test
    void aCountIsANumberOfTheCountedThingInItsClauseAndNotAYear() {
        com.ccabot.index.TermAnalyzer analyzer = index.analyzer();
        java.util.Set<String> turbines = java.util.Set.copyOf(analyzer.terms("turbines"));

        assertThat(WindowRequirements.counts(analyzer, "The farm will use forty turbines from Jiangsu.", turbines)).isTrue();
        assertThat(WindowRequirements.counts(analyzer, "The turbines on the farm number 1,200 in all.", turbines))
                .as("a number after the counted thing").isTrue();
        assertThat(WindowRequirements.counts(analyzer, "The farm uses turbines from Jiangsu, and 12 buses bring visitors.", turbines))
                .as("the number counts something in another clause").isFalse();
        assertThat(WindowRequirements.counts(analyzer, "The turbines were installed in 2021.", turbines)).as("a year").isFalse();
        assertThat(WindowRequirements.counts(analyzer, "Twelve buses bring visitors.", turbines)).as("no turbines").isFalse();
        assertThat(WindowRequirements.counts(analyzer, "The firm signed deals with two provinces to supply wind turbines.", turbines))
                .as("the number counts the provinces, not the turbines").isFalse();
        assertThat(WindowRequirements.counts(analyzer, "The number of turbines on the farm has reached 40 this year.", turbines))
                .as("a number that ends its clause is said of its subject").isTrue();
        assertThat(WindowRequirements.counts(analyzer, "The farm will use 40 large new turbines.", turbines))
                .as("words between the number and the counted thing").isTrue();
    }

    @Test
    void aSentenceCountsWhatTheQuestionCountsWhenItsNumberStandsRightBeforeIt() {
        com.ccabot.index.TermAnalyzer analyzer = index.analyzer();
        java.util.Set<String> turbines = java.util.Set.copyOf(analyzer.terms("turbines"));
        java.util.function.Predicate<com.ccabot.index.TermAnalyzer.Token> counted = t -> turbines.contains(t.term());

        assertThat(WindowRequirements.countsNext(analyzer, "The park now runs about 1,200 wind turbines.", counted)).isTrue();
        assertThat(WindowRequirements.countsNext(analyzer, "Some 40 buses bring visitors to the turbines.", counted))
                .as("the number counts buses, not turbines").isFalse();
        assertThat(WindowRequirements.countsNext(analyzer, "In 2021 turbines were installed.", counted)).as("a year").isFalse();
        assertThat(WindowRequirements.countsNext(analyzer, "It has 40 sheds, turbines and a depot.", counted))
                .as("another clause").isFalse();
    }

    @Test
    void aQuestionForTheNumberOfPeopleIsAnsweredByACountOfAnyGroupOfPeople() {
        QuestionAnalyzer questions = new QuestionAnalyzer(index.analyzer(), index.lexical());
        AnalysedQuestion people = questions.analyse("How many people attended the opening of the solar park?");
        AnalysedQuestion turbines = questions.analyse("How many turbines does the wind farm have?");

        assertThat(WindowRequirements.countsPeople(people)).isTrue();
        assertThat(WindowRequirements.counted(people)).isEmpty();
        assertThat(WindowRequirements.countsPeople(turbines)).isFalse();
        assertThat(WindowRequirements.counted(turbines)).extracting(QuestionTerm::word).contains("turbines");
    }

    @Test
    void aHowManyQuestionIsDeclinedWhenTheCountedThingIsNamedButNotCounted() {
        Retrieval retrieval = retriever.retrieve("How many students attended the opening of the solar park?");

        assertThat(retrieval.relevant()).isFalse();
        assertThat(retrieval.verdict().reason()).isEqualTo("no passage counts the students");
    }

    @Test
    void anAskedForPostMustBeNamedWithoutAnotherRankAndWithWhoseItIs() {
        Retrieval ranked = retriever.retrieve("Who is the chairman of the Aral Water Council?");
        Retrieval asRanked = retriever.retrieve("Who is the deputy chairman of the Aral Water Council?");
        Retrieval named = retriever.retrieve("Who is the chairman of the Steppe Grazing Forum?");

        assertThat(ranked.relevant()).as("only a deputy chairman of the council, and a chairman of another body").isFalse();
        assertThat(ranked.verdict().missing()).contains("chairman", "Aral");
        assertThat(asRanked.verdict().reason()).doesNotStartWith("no passage names");
        assertThat(named.verdict().reason()).doesNotStartWith("no passage names");
        assertThat(named.relevant()).isTrue();
    }

    @Test
    void aQuestionForTheNamesOfAGroupNeedsAWindowThatListsThem() {
        Retrieval unlisted = retriever.retrieve("List the names of the resolutions the water council adopted.");
        Retrieval listed = retriever.retrieve("What are the names of the forum's working groups?");

        assertThat(unlisted.relevant()).as("the resolutions are counted, never named").isFalse();
        assertThat(unlisted.verdict().reason()).isEqualTo("no passage lists the resolutions");
        assertThat(listed.verdict().reason()).doesNotStartWith("no passage lists");
        assertThat(QuestionFocus.listed("what are the names of china's four major initiatives?")).contains("initiatives");
        assertThat(QuestionFocus.listed("List the 13 projects launched at the forum")).contains("projects");
        assertThat(QuestionFocus.listed("What did the forum launch?")).isEmpty();
    }

    @Test
    void aSentenceWithoutTheAskedForKindOfFactComesWithTheOneBeforeThatHasIt() {
        Retrieval retrieval = retriever.retrieve("When was the fund for mobile clinics launched?");

        Evidence best = retrieval.evidence().get(0);
        assertThat(best.text()).startsWith("A fund for mobile clinics");
        assertThat(best.needsBefore()).as("the date is in the sentence before").isTrue();
        assertThat(retriever.retrieve("What did the herders launch for mobile clinics?").evidence().get(0).needsBefore())
                .as("no kind of fact asked for").isFalse();
    }

    @Test
    void aQuestionAskedAloneWhoseSubjectIsOnlyAPronounIsDeclined() {
        Retrieval dangling = retriever.retrieve("and who opened it?");

        assertThat(dangling.relevant()).isFalse();
        assertThat(dangling.verdict().missing()).containsExactly("it");
        assertThat(retriever.retrieve("Who opened the solar park near Khujand?").verdict().reason())
                .doesNotContain("points back");
        assertThat(retriever.retrieveFollowUp("and who opened it?", "Where is the solar park?").verdict().reason())
                .as("as a follow-up it is judged with the question before").doesNotContain("points back");
    }
}
