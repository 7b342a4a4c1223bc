package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionPartsTest {

    @Test
    void aLaterPartThatPointsBackKeepsTheNamesOfThePartBefore() {
        assertThat(QuestionParts.of("Who spoke for Norway at the Bergen fair, and what did she say about fishing?"))
                .containsExactly("Who spoke for Norway at the Bergen fair", "what did she say about fishing (Norway Bergen)");
    }

    @Test
    void aLaterPartThatNamesItsOwnSubjectIsLeftAsItIs() {
        assertThat(QuestionParts.of("When did the Oslo plant open, and how much did the Bergen plant cost?"))
                .containsExactly("When did the Oslo plant open", "how much did the Bergen plant cost");
    }

    @Test
    void anExistentialThereDoesNotPointBack() {
        assertThat(QuestionParts.of("How many wells does Norway have, and how many rigs are there?"))
                .containsExactly("How many wells does Norway have", "how many rigs are there");
    }

    @Test
    void aPlusBetweenRequestsSeparatesThem() {
        assertThat(QuestionParts.of("norway figures pls: wells drilled + barrels a day")).containsExactly(
                "norway figures pls: wells drilled", "barrels a day");
    }
}
