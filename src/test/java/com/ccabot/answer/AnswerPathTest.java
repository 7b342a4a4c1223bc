package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.Application;
import com.ccabot.TestPipeline;
import org.junit.jupiter.api.Test;

/**
 * The answer path's mechanisms, checked on articles of our own that no constant was chosen on: the gate judges the
 * window an answer would come from, a continuation sentence comes with the one it leans on, and a conversation
 * lets nothing through that would be declined alone.
 */
class AnswerPathTest {

    private final Application app = TestPipeline.withExtraArticles();

    @Test
    void declinesAQuestionAboutAYearNoArticleGivesAndNamesIt() {
        Answer answer = app.answers().answerWithoutCache("How much gas flowed through the Central Asia-China pipeline in 2031?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.text()).contains("2031");
    }

    @Test
    void answersTheSameQuestionForAYearTheArticleGives() {
        Answer answer = app.answers().answerWithoutCache("How much gas was expected to flow through the Central Asia-China pipeline in 2015?");

        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("40 billion");
    }

    @Test
    void showsTheSentenceAContinuationLeansOn() {
        Answer answer = app.answers().answerWithoutCache("What did Hu say the gas pipeline bore witness to?");

        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("bore witness");
        assertThat(answer.text()).as("the sentence naming the speaker comes first").contains("Hu told the ceremony");
    }

    @Test
    void findsACountryNamedByItsAdjective() {
        Answer answer = app.answers().answerWithoutCache("How long is the Uzbek, Kazakh and Turkmen section of the gas pipeline?");

        assertThat(answer.answered()).isTrue();
        assertThat(answer.text()).contains("1,833");
    }

    @Test
    void declinesAQuestionAboutACountryTheAnswerWindowDoesNotNameAndNamesIt() {
        Answer answer = app.answers().answerWithoutCache("How long is the Afghan section of the gas pipeline?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.text()).contains("Afghan");
    }

    @Test
    void declinesAQuestionAboutAnAttributeNoWindowGivesAndNamesIt() {
        Answer answer = app.answers().answerWithoutCache("What is the population of the cities on the gas pipeline?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.text()).contains("population");
    }

    @Test
    void declinesAQuestionNoWordOfWhichIsInAnyArticle() {
        Answer answer = app.answers().answerWithoutCache("How tall is Mount Everest?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.text()).contains("Everest");
    }

    @Test
    void anOffTopicQuestionStaysDeclinedInsideAConversation() {
        String conversation = "path-test-" + System.nanoTime();
        Answer first = app.answers().answer("Where was the Central Asia-China gas pipeline opened?", conversation);
        Answer offTopic = app.answers().answer("What is the capital of Brazil?", conversation);

        assertThat(first.answered()).isTrue();
        assertThat(offTopic.answered()).isFalse();
    }

    @Test
    void aFollowUpIsAnsweredFromTheConversation() {
        String conversation = "path-test-" + System.nanoTime();
        app.answers().answer("Where was the Central Asia-China gas pipeline opened?", conversation);
        Answer followUp = app.answers().answer("and which company develops the gas field that feeds it?", conversation);

        assertThat(followUp.answered()).isTrue();
        assertThat(followUp.text()).contains("CNPC");
    }
}
