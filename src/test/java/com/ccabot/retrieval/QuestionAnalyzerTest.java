package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionAnalyzerTest {

    @Test
    void aQuestionWordTypedWrongIsStillAQuestionWord() {
        assertThat(QuestionAnalyzer.misspeltQuestionWord("wat")).as("a letter left out").isTrue();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("Wich")).isTrue();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("waht")).as("two letters swapped").isTrue();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("whre")).isTrue();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("mnay")).isTrue();
    }

    @Test
    void aWordOfItsOwnCloseToAQuestionWordIsNot() {
        assertThat(QuestionAnalyzer.misspeltQuestionWord("low")).as("one letter changed from 'how', three letters").isFalse();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("now")).isFalse();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("water")).isFalse();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("wheat")).as("a letter added to 'what'").isFalse();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("what")).as("no misspelling").isFalse();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("money")).isFalse();
        assertThat(QuestionAnalyzer.misspeltQuestionWord("2025")).isFalse();
    }

    @Test
    void inAQuestionForWhatSomethingMeansMeanAsksAndIsNoWordToFind() {
        assertThat(QuestionAnalyzer.asksMeaning("What does the name Dostyk mean?")).isTrue();
        assertThat(QuestionAnalyzer.asksMeaning("what is the meaning of the word saxaul")).isTrue();
        assertThat(QuestionAnalyzer.asksMeaning("What is the mean depth of the lake?")).isFalse();

        var terms = com.ccabot.TestPipeline.app().answers().retrieve("What does the name Astana mean?").terms().terms();
        assertThat(terms).extracting(QuestionTerm::word).contains("Astana").doesNotContain("mean");
    }

    @Test
    void chatGreetingsCourtesiesAndTheirShorthandAreNoWordsToFind() {
        var terms = com.ccabot.TestPipeline.app().answers().retrieve("hey, quick q: who leads the alliance? thx, pls see").terms().terms();

        assertThat(terms).extracting(QuestionTerm::word).contains("alliance")
                .doesNotContain("hey", "quick", "q", "thx", "pls", "see");
    }

    @Test
    void thanksIsACourtesyButThankingIsWhatIsAsked() {
        var courtesy = com.ccabot.TestPipeline.app().answers().retrieve("thanks! and who leads the alliance? thank you").terms().terms();
        var asked = com.ccabot.TestPipeline.app().answers().retrieve("which minister thanked the alliance").terms().terms();

        assertThat(courtesy).extracting(QuestionTerm::word).contains("alliance").doesNotContain("thanks", "thank");
        assertThat(asked).extracting(QuestionTerm::word).contains("thanked", "alliance");
    }
}
