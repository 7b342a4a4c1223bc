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
    void anyOtherQuestionTakesAnySentence() {
        assertThat(AnswerType.OTHER.newIn("Anything at all.", "Why?")).isTrue();
    }
}
