package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a window must hold for a question about someone's words, a year, a rate or a list, on articles of the test's
 * own: a report of a bridge's opening where one guest speaks and another is only present, an interview given in
 * turns, and a loan whose lenders follow a sum with a decimal point.
 */
class WindowRequirementsTest {

    private static final String OPENING = """
            ---
            title: A bridge over the Amu Darya opens near Termez
            date: 2024-05-20
            source: Test Wire
            ---

            Governor Rustam Aliyev and Ambassador Chen Hao cut the ribbon on the Termez river bridge on Friday.

            Aliyev said the bridge would halve the journey to the border crossing.

            He added that trucks would pay a toll from next spring.

            Schoolchildren from the town sang at the ceremony.

            Fishermen on the river watched from their boats.

            The bridge cost 90 million dollars, lent by a regional development bank over twenty years.

            Cotton farmers expect faster trips to the railway station.

            The bridge is 1.2 kilometres long.

            The old ferry carried about 40,000 trucks last year.

            Planners expect the bridge to carry 5,000 trucks a day by 2026.
            """;

    private static final String INTERVIEW = """
            ---
            title: Interview with the engineer of the Termez bridge
            date: 2024-05-22
            source: Test Wire
            ---

            Test Wire: What makes the bridge different from the old ferry?

            Malika Yusupova: The deck rests on twelve piers sunk deep into the riverbed. It can carry trucks of forty tonnes.
            """;

    private static final String LIGHTS = """
            ---
            title: Street lights for the river town
            date: 2024-06-01
            source: Test Wire
            ---

            Three lenders shared a 1.5 million dollar loan for the lights: a city fund, a farmers' bank and a private donor.

            Dilnoza Karimova, director of the city fund, signed the loan in the town hall.

            The council said 80 percent of the lamps would be lit by the end of June.

            The mayor said that the poles came from a workshop run by Bakhtiyor Nazarov.

            Forty technicians from the provincial institute installed the lamps.
            """;

    private static final String FESTIVAL = """
            ---
            title: A music festival fills Bukhara's old town
            date: 2024-09-09
            source: Test Wire
            ---

            People from many towns came to the Bukhara music festival at the weekend.

            The organisers sold the tickets online, and 14 bands played in the old town's squares.
            """;

    @TempDir
    static Path work;
    private static KnowledgeIndex index;
    private static HybridRetriever retriever;

    @BeforeAll
    static void index() throws Exception {
        index = OwnArticles.indexed(work, Map.of("2024-05-20-termez-bridge.md", OPENING,
                "2024-05-22-bridge-engineer-interview.md", INTERVIEW, "2024-06-01-street-lights.md", LIGHTS, "2024-09-09-bukhara-festival.md", FESTIVAL));
        retriever = OwnArticles.retriever(index);
    }

    @Test
    void theSpeakerIsNamedByTheirNameNotByTheirPost() {
        assertThat(speaker("What did Ambassador Chen Hao say at the opening?")).get()
                .extracting(QuestionSpeaker::words).isEqualTo(List.of("Chen", "Hao"));
        assertThat(speaker("According to the governor, how long will the journey take?")).get()
                .extracting(QuestionSpeaker::words).isEqualTo(List.of("governor"));
        assertThat(speaker("What did the bridge cost?")).isEmpty();
        assertThat(speaker("Who cut the ribbon on the bridge?")).isEmpty();
    }

    @Test
    void thePartiesToATalkAsAWholeAreNoSpeakerToLookFor() {
        assertThat(speaker("Which toll did the sides propose for the bridge?")).isEmpty();
        assertThat(speaker("what did both countries call for at the opening")).isEmpty();
        assertThat(speaker("What did the two governors say at the opening?")).get()
                .extracting(QuestionSpeaker::words).isEqualTo(List.of("governors"));
    }

    @Test
    void aLongNameOfTheSpeakerOrAQuestionWhetherTheySaidSomethingAsksTheirWordsToo() {
        assertThat(speaker("What did the head of the regional development bank in Termez say about the loan?")).isPresent();
        assertThat(speaker("Did Ambassador Chen Hao put forward any proposals at the opening?")).get()
                .extracting(QuestionSpeaker::words).isEqualTo(List.of("Chen", "Hao"));
        assertThat(speaker("Did the bridge open on Friday?")).isEmpty();
        Retrieval retrieval = retriever.retrieve("Did Ambassador Chen Hao put forward any proposals at the opening of the bridge?");
        assertThat(retrieval.relevant()).isFalse();
        assertThat(retrieval.verdict().reason()).isEqualTo("no passage gives the words of Chen, Hao");
    }

    @Test
    void theSentencesThatReportTheSpeakersWordsLeadTheAnswer() {
        String question = "What did Governor Rustam Aliyev say at the ceremony?";
        Retrieval retrieval = retriever.retrieve(question);
        List<Evidence> ordered = retrieval.evidence();

        assertThat(ordered.stream().max(java.util.Comparator.comparingDouble(Evidence::score)).orElseThrow().text())
                .as("the lead repeats more of the question").startsWith("Governor Rustam Aliyev");
        assertThat(ordered.subList(0, 2)).extracting(Evidence::text).containsExactlyInAnyOrder(
                "Aliyev said the bridge would halve the journey to the border crossing.",
                "He added that trucks would pay a toll from next spring.");

        QuestionSpeaker aliyev = speaker(question).orElseThrow();
        Evidence any = retrieval.evidence().get(0);
        Evidence quoted = new Evidence(any.passage(), any.sentence(), "\u201cIt will change our town,\u201d he said.",
                "Aliyev said the bridge would halve the journey.", "", any.window(), any.subject(), any.features(), any.score());
        Evidence othersQuote = new Evidence(any.passage(), any.sentence(), "\u201cIt will change our town,\u201d he said.",
                "Ambassador Chen Hao spoke next.", "", any.window(), any.subject(), any.features(), any.score());
        assertThat(aliyev.speaksIn(quoted)).as("a quotation he is said to have spoken, after a sentence of his").isTrue();
        assertThat(aliyev.speaksIn(othersQuote)).isFalse();
        Evidence reported = new Evidence(any.passage(), any.sentence(), "The engineer said he stressed safety.",
                "Aliyev said the bridge would halve the journey.", "", any.window(), any.subject(), any.features(), any.score());
        assertThat(aliyev.speaksIn(reported)).as("no quotation: the engineer's words").isFalse();
    }

    @Test
    void theirWordsMustBeAboutWhatTheQuestionSaysTheySpokeAbout() {
        Retrieval retrieval = retriever.retrieve("What did Governor Aliyev say about Malika Yusupova?");

        assertThat(retrieval.relevant()).isFalse();
        assertThat(retrieval.verdict().reason()).isEqualTo("no passage gives the words of Aliyev");
        assertThat(speaker("Which treaty did the heads of state sign?")).as("'state' after 'of' is a noun").isEmpty();
    }

    @Test
    void aGuestWhoIsOnlyPresentGivesNoWordsAndTheQuestionIsDeclined() {
        Retrieval retrieval = retriever.retrieve("What did Ambassador Chen Hao say at the opening of the bridge?");

        assertThat(retrieval.relevant()).isFalse();
        assertThat(retrieval.verdict().reason()).isEqualTo("no passage gives the words of Chen, Hao");
    }

    @Test
    void aSentenceThatNamesTheSpeakerWithAVerbOfSpeechOrGoesOnWithHeHoldsTheirWords() {
        Retrieval retrieval = retriever.retrieve("What did Governor Aliyev say about the bridge?");
        QuestionSpeaker aliyev = speaker("What did Governor Aliyev say about the bridge?").orElseThrow();

        assertThat(retrieval.verdict().reason()).doesNotStartWith("no passage gives the words");
        assertThat(retrieval.evidence()).filteredOn(e -> e.text().startsWith("Aliyev said")).allMatch(aliyev::heldBy).isNotEmpty();
        assertThat(retrieval.evidence()).filteredOn(e -> e.text().startsWith("He added")).allMatch(aliyev::heldBy).isNotEmpty();
        assertThat(retrieval.evidence()).filteredOn(e -> e.text().startsWith("Fishermen")).noneMatch(aliyev::heldBy);
    }

    @Test
    void someoneNamedInsideWhatAnotherSaidGivesNoWordsOfTheirOwn() {
        String question = "What did Bakhtiyor Nazarov say about the poles for the street lights?";
        Retrieval retrieval = retriever.retrieve(question);
        QuestionSpeaker maker = speaker(question).orElseThrow();

        assertThat(retrieval.evidence()).filteredOn(e -> e.text().startsWith("The mayor said that the poles"))
                .isNotEmpty().noneMatch(maker::heldBy);
        assertThat(speaker("What did the mayor say about the poles?").orElseThrow().heldBy(retrieval.evidence().stream()
                .filter(e -> e.text().startsWith("The mayor said")).findFirst().orElseThrow())).isTrue();
    }

    @Test
    void anInterviewGivenInTurnsHoldsEveryAnswerOfTheOneInterviewed() {
        String question = "What did Malika Yusupova say about the weight of the trucks?";
        Retrieval retrieval = retriever.retrieve(question);
        QuestionSpeaker engineer = speaker(question).orElseThrow();

        assertThat(retrieval.evidence()).filteredOn(e -> e.text().startsWith("It can carry")).allMatch(engineer::heldBy).isNotEmpty();
        assertThat(speaker("What did Chen Hao say about the trucks?").orElseThrow().heldBy(
                retrieval.evidence().stream().filter(e -> e.text().startsWith("It can carry")).findFirst().orElseThrow()))
                .as("the interview is not his").isFalse();
    }

    @Test
    void aQuestionForARateNeedsAPercentageInTheWindow() {
        Retrieval retrieval = retriever.retrieve("What interest rate did the development bank charge on the bridge loan?");

        assertThat(retrieval.relevant()).as("the loan's sum is given, not its rate").isFalse();
        assertThat(retrieval.verdict().reason()).isEqualTo("no passage gives the rate");
    }

    @Test
    void aRateIsAPercentageSaidToBeOneNotAnyPercentage() {
        Set<String> interest = Set.copyOf(index.analyzer().terms("interest"));

        assertThat(WindowRequirements.givesRate("The loan carries an interest rate of 2 percent.", interest, index.analyzer())).isTrue();
        assertThat(WindowRequirements.givesRate("The loan runs for 20 years at 2 percent a year.", interest, index.analyzer())).isTrue();
        assertThat(WindowRequirements.givesRate("Interest was set at 1.5% on the credit.", interest, index.analyzer())).isTrue();
        assertThat(WindowRequirements.givesRate("The dam is more than 90 percent complete.", interest, index.analyzer())).isFalse();
        assertThat(WindowRequirements.givesRate("The interest of the lenders was high.", interest, index.analyzer())).isFalse();
    }

    @Test
    void aShareIsAPercentageOfWhatTheQuestionAsksAbout() {
        Retrieval lamps = retriever.retrieve("What share of the lamps will be lit by the end of June?");
        Retrieval fund = retriever.retrieve("What share of the city fund does the farmers' bank own?");

        assertThat(lamps.relevant()).as(lamps.verdict().toString()).isTrue();
        assertThat(fund.relevant()).as("80 percent of the lamps is no stake in the fund").isFalse();
        assertThat(fund.verdict().reason()).isEqualTo("no passage gives the share");
    }

    @Test
    void anAnswerComesFromAnArticleThatNamesWhatTheQuestionNames() {
        Retrieval retrieval = retriever.retrieve("Who is the director of the Amu Darya bridge project?");
        WindowRequirements.Requirement named = WindowRequirements.namedByArticle(retrieval.terms(), retrieval.evidence(), index);

        assertThat(named.words()).containsExactly("Amu", "Darya");
        assertThat(retrieval.evidence()).filteredOn(e -> e.text().contains("Karimova")).isNotEmpty().noneMatch(named::heldBy);
        assertThat(retrieval.evidence()).filteredOn(e -> e.text().contains("Aliyev")).isNotEmpty().allMatch(named::heldBy);
        assertThat(retrieval.relevant()).as("the city fund's director is not the Amu Darya bridge's").isFalse();

        Retrieval both = retriever.retrieve("Did Malika Yusupova sign the street lights loan with Dilnoza Karimova in June?");
        assertThat(WindowRequirements.namedByArticle(both.terms(), both.evidence(), index).words())
                .as("names of two reports join them; a month names no report").isEmpty();
    }

    @Test
    void theHeadOfABodyIsWhoeverHoldsItsLeadingPost() {
        Retrieval retrieval = retriever.retrieve("Who is the head of the city fund?");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence()).anyMatch(e -> e.text().contains("Dilnoza Karimova"));
    }

    @Test
    void aQuestionForAnAmountPerUnitNeedsThatUnitInTheWindow() {
        Retrieval perAxle = retriever.retrieve("How much is the toll for trucks per axle?");
        Retrieval perYear = retriever.retrieve("How much did the bridge cost per year of the loan?");

        assertThat(perAxle.relevant()).isFalse();
        assertThat(perAxle.verdict().reason()).isEqualTo("no passage gives a rate per axle");
        assertThat(perYear.verdict().reason()).as("a year is written 'a year' or 'over twenty years'").doesNotStartWith("no passage gives a rate");
        Retrieval perYr = retriever.retrieve("how many trucks will the bridge carry per yr by 2026");
        assertThat(perYr.verdict().reason()).as("'yr' is a year as typed").doesNotStartWith("no passage gives a rate");
        Retrieval perTonne = retriever.retrieve("How much is the toll per tonne on the Termez bridge?");
        assertThat(perTonne.verdict().reason()).as("trucks of forty tonnes give no price per tonne")
                .isEqualTo("no passage gives a rate per tonne");
    }

    @Test
    void aQuestionForHowMuchMoneyIsAnsweredByASumNotByTheWord() {
        Retrieval retrieval = retriever.retrieve("How much money did the Termez river bridge need?");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("90 million dollars");
    }

    @Test
    void aQuestionForALengthIsAnsweredByHowLongSomethingIs() {
        Retrieval retrieval = retriever.retrieve("What is the length of the bridge over the Amu Darya?");

        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("1.2 kilometres long");
    }

    @Test
    void aQuestionThatNamesAYearNeedsThatYearWhateverOtherNumbersTheWindowHolds() {
        Retrieval otherYear = retriever.retrieve("How much did the 1.2 kilometre bridge cost in 2019?");
        Retrieval itsYear = retriever.retrieve("How much did the 1.2 kilometre bridge cost in 2024?");

        assertThat(otherYear.relevant()).isFalse();
        assertThat(otherYear.verdict().reason()).isEqualTo("no passage gives 2019");
        assertThat(itsYear.verdict().reason()).as("the article's year belongs to its sentences").doesNotStartWith("no passage gives");
    }

    @Test
    void lastYearInAReportIsTheYearBeforeItsDate() {
        java.time.LocalDate may2024 = java.time.LocalDate.of(2024, 5, 20);
        assertThat(WindowRequirements.yearMeant("Trade hit a record last year.", may2024)).hasValue(2023);
        assertThat(WindowRequirements.yearMeant("The line opens next year.", may2024)).hasValue(2025);
        assertThat(WindowRequirements.yearMeant("Exports rose 12 percent from a year earlier.", may2024)).isEmpty();
        assertThat(WindowRequirements.yearMeant("Trade hit a record last year.", null)).isEmpty();

        Retrieval before = retriever.retrieve("How many trucks did the old ferry carry in 2023?");
        Retrieval same = retriever.retrieve("How many trucks did the old ferry carry in 2024?");
        assertThat(before.relevant()).as(before.verdict().toString()).isTrue();
        assertThat(before.evidence().get(0).text()).contains("40,000 trucks last year");
        Evidence ferry = same.evidence().stream().filter(e -> e.text().contains("last year")).findFirst().orElseThrow();
        assertThat(WindowRequirements.years(same.terms()).heldBy(ferry)).as("a report of 2024 saying 'last year' speaks of 2023")
                .isFalse();
        assertThat(WindowRequirements.years(before.terms()).heldBy(ferry)).isTrue();
    }

    @Test
    void aYearGivenAsAForecastsTargetDoesNotSayWhatHappenedThen() {
        assertThat(WindowRequirements.onlyForecast("Exports are expected to reach 65 billion cubic metres by 2020.", Set.of("2020"))).isTrue();
        assertThat(WindowRequirements.onlyForecast("Exports reached 40 billion cubic metres in 2020.", Set.of("2020"))).isFalse();
        assertThat(WindowRequirements.onlyForecast("Trade had grown to 5 billion dollars by 2020.", Set.of("2020")))
                .as("no word of a forecast: what had happened by then").isFalse();

        Retrieval happened = retriever.retrieve("How many trucks did the bridge carry each day in 2026?");
        Retrieval planned = retriever.retrieve("How many trucks will the bridge carry a day by 2026?");
        Evidence plan = planned.evidence().stream().filter(e -> e.text().startsWith("Planners")).findFirst().orElseThrow();
        assertThat(WindowRequirements.years(happened.terms()).heldBy(plan)).isFalse();
        assertThat(WindowRequirements.years(planned.terms()).heldBy(plan)).isTrue();
    }

    @Test
    void aQuestionOfWhenSomethingWillHappenNeedsADateAheadOfTheReport() {
        java.time.LocalDate dated = java.time.LocalDate.of(2024, 12, 27);
        String question = "When will the line be finished?";
        assertThat(WindowRequirements.datesAhead("Work on the line began on Friday, December 27.", question, dated))
                .as("the day of the report says when work began").isFalse();
        assertThat(WindowRequirements.datesAhead("The first stage opened in 2019.", question, dated)).isFalse();
        assertThat(WindowRequirements.datesAhead("Construction will take six years.", question, dated)).as("no date").isFalse();
        assertThat(WindowRequirements.datesAhead("The line is due to open in 2030.", question, dated)).isTrue();
        assertThat(WindowRequirements.datesAhead("All four schools would be completed by spring 2017.", question, dated)).isTrue();
        assertThat(WindowRequirements.datesAhead("The other was expected to follow the next year.", question, dated)).isTrue();
        assertThat(WindowRequirements.datesAhead("The second stage opens in 2027.", question, dated))
                .as("a year after the report's").isTrue();
        assertThat(WindowRequirements.datesAhead("The opening was delayed due to floods in May 2023.", question, dated))
                .as("'due to' a cause").isFalse();

        Retrieval planned = retriever.retrieve("When will Ambassador Chen Hao cut the ribbon?");
        Retrieval happened = retriever.retrieve("When did Ambassador Chen Hao cut the ribbon?");
        Retrieval toll = retriever.retrieve("When will trucks start to pay a toll on the Termez bridge?");
        assertThat(planned.relevant()).isFalse();
        assertThat(planned.verdict().reason()).isEqualTo("no passage gives the planned date");
        assertThat(happened.relevant()).as(happened.verdict().toString()).isTrue();
        assertThat(toll.relevant()).as(toll.verdict().toString()).isTrue();
        assertThat(toll.evidence().get(0).text()).contains("next spring");
    }

    @Test
    void aCountOfPeopleUnderAnyNameAnswersHowManyPeople() {
        Retrieval retrieval = retriever.retrieve("How many people installed the street lamps?");

        assertThat(retrieval.verdict().reason()).doesNotStartWith("no passage gives the people");
        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
        assertThat(retrieval.evidence().get(0).text()).contains("Forty technicians");
    }

    @Test
    void theWordPeopleWithoutACountDoesNotSayHowManyPeople() {
        Retrieval people = retriever.retrieve("How many people came to the Bukhara music festival?");
        Retrieval bands = retriever.retrieve("How many bands played at the Bukhara music festival?");

        assertThat(people.relevant()).isFalse();
        assertThat(people.verdict().reason()).contains("people");
        assertThat(bands.relevant()).as(bands.verdict().toString()).isTrue();
    }

    @Test
    void aListThatFollowsASumWithADecimalPointIsStillAList() {
        Retrieval retrieval = retriever.retrieve("List the lenders of the loan for the street lights.");

        assertThat(retrieval.verdict().reason()).doesNotStartWith("no passage lists");
        assertThat(retrieval.relevant()).as(retrieval.verdict().toString()).isTrue();
    }

    private static Optional<QuestionSpeaker> speaker(String question) {
        return QuestionSpeaker.of(retriever.retrieve(question).terms(), index.analyzer());
    }
}
