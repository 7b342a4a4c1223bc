package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTypeTest {

    @Test
    void readsTheKindOfAnswerFromTheWording() {
        assertThat(AnswerType.of("How many wells were drilled?")).isEqualTo(AnswerType.NUMBER);
        assertThat(AnswerType.of("When did the bridge open?")).isEqualTo(AnswerType.DATE);
        assertThat(AnswerType.of("Where is the depot?")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("Who signed the lease?")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.of("Why was the lease signed?")).isEqualTo(AnswerType.OTHER);
    }

    @Test
    void aNumberWrittenInWordsIsANumber() {
        assertThat(AnswerType.NUMBER.newIn("The lease runs for the next thirty years.", "How long does the lease run?")).isTrue();
        assertThat(AnswerType.NUMBER.newIn("The lease was signed on the pier.", "How long does the lease run?")).isFalse();
    }

    @Test
    void aDistanceASpanOfTimeOrAPartWantTheirOwnUnitsNotAnyNumber() {
        String far = "How far is the depot from the harbour?";
        String lasts = "how long does the lease run";
        String part = "What share of the depot does the port own?";

        assertThat(AnswerType.of(far)).isEqualTo(AnswerType.DISTANCE);
        assertThat(AnswerType.of("How long is the new rail line to the depot?")).isEqualTo(AnswerType.DISTANCE);
        assertThat(AnswerType.DISTANCE.newIn("The depot lies 42 kilometres inland.", far)).isTrue();
        assertThat(AnswerType.DISTANCE.newIn("The depot opened on 3 May with 42 cranes.", far)).isFalse();

        assertThat(AnswerType.of(lasts)).isEqualTo(AnswerType.DURATION);
        assertThat(AnswerType.DURATION.newIn("The lease runs for thirty years from signing.", lasts)).isTrue();
        assertThat(AnswerType.DURATION.newIn("The lease covers 12 berths.", lasts)).isFalse();

        assertThat(AnswerType.of(part)).isEqualTo(AnswerType.PROPORTION);
        assertThat(AnswerType.of("how big a stake did the port buy")).isEqualTo(AnswerType.PROPORTION);
        assertThat(AnswerType.of("what % stake does the port hold in the depot")).isEqualTo(AnswerType.PROPORTION);
        assertThat(AnswerType.PROPORTION.newIn("The port owns 49 percent of the depot.", part)).isTrue();
        assertThat(AnswerType.PROPORTION.newIn("More than half of the depot belongs to the port.", part)).isTrue();
        assertThat(AnswerType.PROPORTION.newIn("The port bought 12 hectares next to the depot.", part)).isFalse();
    }

    @Test
    void aQuestionForSeveralPeopleOrPlacesAsksForThemToo() {
        assertThat(AnswerType.of("Which ministers signed the lease?")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.of("What officials attended the opening?")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.of("Which cities does the ferry link?")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("Which country will host the next fair?")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("In which part of Osh was the clinic built?")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("Which district of the city has the new depot?")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("Which documents were signed?")).isEqualTo(AnswerType.OTHER);
        assertThat(AnswerType.of("Which Dutch diplomat signed the lease?")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.of("what two local officials cut the ribbon")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.of("Which of the documents did the officials sign?")).isEqualTo(AnswerType.OTHER);
    }

    @Test
    void aNameTheQuestionAlreadySaysIsNotAnAnswer() {
        String question = "Which mayors opened the Green Valley bridge?";

        assertThat(AnswerType.PERSON.newIn("The Green Valley bridge was opened on Monday by two mayors.", question)).isFalse();
        assertThat(AnswerType.PERSON.newIn("Mayor Anna Berg and Mayor Tomas Lind cut the ribbon.", question)).isTrue();
    }

    @Test
    void aNumberOrDateTheQuestionAlreadySaysIsNotAnAnswer() {
        assertThat(AnswerType.NUMBER.newIn("The 2019 plan named 40 wells.", "How many wells did the 2019 plan name?")).isTrue();
        assertThat(AnswerType.NUMBER.newIn("The plan of 1,200 wells was approved.", "How many of the 1,200 wells were drilled?")).isFalse();
        assertThat(AnswerType.DATE.newIn("The 2019 plan was approved in 2019.", "When in 2019 was the plan approved?")).isFalse();
        assertThat(AnswerType.DATE.newIn("It was approved in March 2019.", "When in 2019 was the plan approved?")).isTrue();
    }

    @Test
    void aQuestionOfCostWantsASumOfMoney() {
        assertThat(AnswerType.of("How much did the new bridge cost?")).isEqualTo(AnswerType.MONEY);
        assertThat(AnswerType.of("What was the price of the ferry tickets?")).isEqualTo(AnswerType.MONEY);
        assertThat(AnswerType.of("How much did traffic grow?")).isEqualTo(AnswerType.NUMBER);
        assertThat(AnswerType.MONEY.askingWord("How much did the new bridge cost?")).contains("cost");
        assertThat(AnswerType.of("green valley bridge total cost how much")).isEqualTo(AnswerType.MONEY);
        assertThat(AnswerType.MONEY.askingWord("green valley bridge total cost how much?")).contains("cost");
        assertThat(AnswerType.MONEY.askingWord("How much will the town earn from the bridge's tolls?")).contains("earn");
        assertThat(AnswerType.MONEY.askingWord("What is the yearly budget of the ferry office?")).contains("budget");
        assertThat(AnswerType.of("What is the core value of the ferry company?")).isNotEqualTo(AnswerType.MONEY);
        assertThat(AnswerType.of("What was the impact of investment on jobs?")).isNotEqualTo(AnswerType.MONEY);

        assertThat(AnswerType.MONEY.foundIn("The bridge cost 40 million euros.")).isTrue();
        assertThat(AnswerType.MONEY.foundIn("Tickets were sold for $12 each.")).isTrue();
        assertThat(AnswerType.MONEY.foundIn("The loan of 2.5 billion yuan was signed.")).isTrue();
        assertThat(AnswerType.MONEY.foundIn("The bridge, 40 metres long, opened in 2019 with 4 lanes.")).isFalse();
        assertThat(AnswerType.MONEY.foundIn("The ferry contract was worth 75 million US dollars.")).isTrue();
        assertThat(AnswerType.MONEY.foundIn("The ferry contract was worth 75 million U.S. dollars.")).isTrue();
    }

    @Test
    void aQuestionForWhoBuiltOrPaidWantsACompanyOrABank() {
        String question = "Which company built the Green Valley bridge?";
        assertThat(AnswerType.of(question)).isEqualTo(AnswerType.ORGANIZATION);
        assertThat(AnswerType.of("Which Dutch firms supplied the cranes?")).isEqualTo(AnswerType.ORGANIZATION);
        assertThat(AnswerType.of("who financed the ferry terminal")).isEqualTo(AnswerType.ORGANIZATION);
        assertThat(AnswerType.of("green valley bridge contractor")).isEqualTo(AnswerType.ORGANIZATION);
        assertThat(AnswerType.of("Who opened the Green Valley bridge?")).isEqualTo(AnswerType.PERSON);
        assertThat(AnswerType.of("How many firms bid for the bridge?")).isEqualTo(AnswerType.NUMBER);
        assertThat(AnswerType.of("What did the company say about the bridge?")).isEqualTo(AnswerType.OTHER);

        assertThat(AnswerType.ORGANIZATION.newIn("It was built by Northern Span Engineering Company.", question)).isTrue();
        assertThat(AnswerType.ORGANIZATION.newIn("The loan came from the Nordic Investment Bank of Finland.", question)).isTrue();
        assertThat(AnswerType.ORGANIZATION.newIn("The builder (NSEC) finished in May.", question)).isTrue();
        assertThat(AnswerType.ORGANIZATION.newIn("The steel came from the Dutch company Staalwerk.", question)).isTrue();
        // a name that is not a body's, an acronym alone, a country's: not who built it
        assertThat(AnswerType.ORGANIZATION.newIn("Mayor Anna Berg opened the Green Valley bridge.", question)).isFalse();
        assertThat(AnswerType.ORGANIZATION.newIn("NSEC said the bridge opened early.", question)).isFalse();
        assertThat(AnswerType.ORGANIZATION.newIn("The bridge cost 40 million US dollars.", question)).isFalse();
    }

    @Test
    void aQuestionForTheTimeOfDayWantsAClockTime() {
        String question = "At what time did the first ferry reach Aktau?";
        assertThat(AnswerType.of(question)).isEqualTo(AnswerType.TIME);
        assertThat(AnswerType.of("what time does the border post open")).isEqualTo(AnswerType.TIME);
        assertThat(AnswerType.TIME.newIn("The ferry docked at 6:45 a.m. on Monday.", question)).isTrue();
        assertThat(AnswerType.TIME.newIn("The ferry docked shortly before noon.", question)).isTrue();
        assertThat(AnswerType.TIME.newIn("The ferry docked on Monday, 12 May 2024.", question)).isFalse();
        // a period, not an hour
        assertThat(AnswerType.of("In what time frame will the port be finished?")).isNotEqualTo(AnswerType.TIME);
    }

    @Test
    void aQuestionForSomeonesPostWantsAWordForAPost() {
        String question = "What position does Aziz Rahimov hold?";
        assertThat(AnswerType.of(question)).isEqualTo(AnswerType.ROLE);
        assertThat(AnswerType.of("what is rahimov's job title")).isEqualTo(AnswerType.ROLE);
        assertThat(AnswerType.of("What was her role?")).isEqualTo(AnswerType.ROLE);
        assertThat(AnswerType.ROLE.newIn("Aziz Rahimov, deputy director of the park, opened the school.", question)).isTrue();
        assertThat(AnswerType.ROLE.newIn("Aziz Rahimov opened the school on Monday.", question)).isFalse();
        // the title of an article or the role of a country is not someone's post
        assertThat(AnswerType.of("What is the title of the article?")).isNotEqualTo(AnswerType.ROLE);
        assertThat(AnswerType.of("What is the article's title?")).isNotEqualTo(AnswerType.ROLE);
        assertThat(AnswerType.of("What role does Kazakhstan play in the corridor?")).isNotEqualTo(AnswerType.ROLE);
    }

    @Test
    void whereAfterANounIsARelativeNotTheQuestion() {
        assertThat(AnswerType.of("List the schools where the new teachers trained.")).isNotEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("Name the two plants where the buses are made")).isNotEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("Where was the forum held?")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("do you know where the forum took place")).isEqualTo(AnswerType.PLACE);
        assertThat(AnswerType.of("After the summit, where did the leaders go?")).isEqualTo(AnswerType.PLACE);
    }

    @Test
    void anyOtherQuestionTakesAnySentence() {
        assertThat(AnswerType.OTHER.newIn("Anything at all.", "Why?")).isTrue();
    }

    @Test
    void aMonthsShortNameIsADateBesideADayAndNotAlone() {
        String when = "When did the envoy arrive?";
        assertThat(AnswerType.DATE.newIn("The envoy arrived on Dec. 1 with a trade mission.", when)).isTrue();
        assertThat(AnswerType.DATE.newIn("The envoy arrived on 23 Jan with a trade mission.", when)).isTrue();
        assertThat(AnswerType.DATE.newIn("Ambassador Yu Jun met the mission at the airport.", when)).isFalse();
    }

    @Test
    void aPlaceAfterACountrysPossessiveIsANewPlace() {
        String where = "In which region of Uzbekistan is the old city?";
        assertThat(AnswerType.PLACE.newIn("The old city lies in Uzbekistan's western Khorezm region.", where)).isTrue();
        assertThat(AnswerType.PLACE.newIn("The old city is a jewel of Uzbekistan.", where)).isFalse();
    }
}
