package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.index.TermAnalyzer;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionFocusTest {

    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final QuestionFocus focus = new QuestionFocus(analyzer, Set.copyOf(analyzer.terms("what how many much")));

    @Test
    void findsTheAttributeAQuestionAsksFor() {
        assertThat(focus.of("What is the population of Mongolia?")).containsExactly("popul");
        assertThat(focus.of("Who was the architect of the new museum in Dushanbe?")).containsExactly("architect");
        assertThat(focus.of("what's the annual budget for the canal project")).containsExactly("budget");
        assertThat(focus.of("whats the population of the upper valley")).containsExactly("popul"); // as typed in chat
    }

    @Test
    void findsWhatIsCountedNotTheWordsAroundIt() {
        assertThat(focus.of("How many additional flights did the airline add?")).containsExactly("flight");
        assertThat(focus.of("how many tourists visited Samarkand last year")).containsExactly("tourist");
        assertThat(focus.of("How much money was spent on the bridge?")).containsExactly("monei");
        assertThat(focus.of("how many germans went to mongolia after the visa waiver")).containsExactly("germani"); // the country, as demonyms are indexed
        assertThat(focus.of("how many tourists visit Samarkand each year")).containsExactly("tourist");
    }

    @Test
    void aBareWordAfterAPluralIsItsVerbNotPartOfWhatIsCounted() {
        assertThat(focus.of("how many people work at the cement plant")).containsExactly("peopl");
        assertThat(focus.of("How many students study in Lanzhou?")).containsExactly("student");
        assertThat(focus.of("How many solar panels were installed?")).containsExactly("panel"); // a compound's head
        assertThat(focus.of("How many trade missions came?")).containsExactly("mission");
    }

    @Test
    void aCountOfAMeasureCountsWhatIsMeasured() {
        assertThat(focus.of("How many tonnes of wheat did the port handle?")).containsExactly("wheat");
        assertThat(focus.of("how many thousand hectares of orchards will the canal water")).containsExactly("orchard");
        assertThat(focus.of("How many pairs of twin towns are there?")).containsExactly("town");
        assertThat(focus.of("How many tonnes did the port handle?")).containsExactly("tonn");
        // the first question of a message says what it asks about, not a later one
        assertThat(focus.of("How many ships came? How many tonnes of wheat did they bring?")).containsExactly("ship");
    }

    @Test
    void aRelativeWordEndsTheGroupAListQuestionNames() {
        assertThat(QuestionFocus.listed("List the schools where the new teachers trained")).contains("schools");
        assertThat(QuestionFocus.listed("list all the towns when the caravan stopped")).contains("towns");
    }

    @Test
    void aRequestsPolitenessIsNoGroupToList() {
        assertThat(QuestionFocus.listed("which towns did the caravan stop in? list pls")).isEmpty();
        assertThat(QuestionFocus.listed("the caravan's stops, list them please")).isEmpty();
        assertThat(QuestionFocus.listed("list please the towns the caravan stopped in")).contains("towns");
        assertThat(QuestionFocus.listed("list pls: the names of the towns")).as("a later request names the group").contains("towns");
    }

    @Test
    void theAttributeIsTheFirstNounBeforeOfNotANameFurtherOn() {
        assertThat(focus.of("Who was the director of Kazatomprom at the signing ceremony?")).containsExactly("director");
        assertThat(focus.of("What is the total installed capacity of the wind farm?")).containsExactly("capac");
    }

    @Test
    void findsTheAttributeOfAPossessive() {
        assertThat(focus.of("What was Mongolia's GDP in 2023?")).containsExactly("gdp");
        assertThat(focus.of("turkmenistan's capital?")).containsExactly("capit");
        assertThat(focus.of("Who was Mongolia's finance minister that signed the loan?")).containsExactly("minist");
        assertThat(focus.of("Who is Mongolia's ambassador to Kazakhstan?")).containsExactly("ambassador");
        // after "does", a verb follows the possessive's attribute
        assertThat(focus.of("What share of the market does Kazatomprom's output account for?")).containsExactly("output");
    }

    @Test
    void leavesTheKindOfAnswerToTheAnswerType() {
        assertThat(focus.of("What was the date of the opening of the bridge?")).isEmpty();
        assertThat(focus.of("What is the name of the new airport?")).isEmpty();
        assertThat(focus.of("How much will the bridge cost to build?")).isEmpty();
        assertThat(focus.of("What is Aziz Rahimov's job?")).isEmpty();
    }

    @Test
    void saysNothingWhenTheWordingDoesNotSay() {
        assertThat(focus.of("Who opened the bridge over the Amu Darya?")).isEmpty();
        assertThat(focus.of("When did the first train reach Tashkent?")).isEmpty();
    }
}
