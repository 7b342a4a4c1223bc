package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Questions asking what something is, or what an abbreviation stands for, on sentences of the test's own. */
class DefinitionQuestionTest {

    @Test
    void readsTheAbbreviationOutOfTheWaysOfAskingWhatItStandsFor() {
        assertThat(DefinitionQuestion.of("What does IFAS stand for?").flatMap(DefinitionQuestion::abbreviation)).contains("IFAS");
        assertThat(DefinitionQuestion.of("IFAS full name").flatMap(DefinitionQuestion::abbreviation)).contains("IFAS");
        assertThat(DefinitionQuestion.of("what is the full name of the CAREC?").flatMap(DefinitionQuestion::abbreviation))
                .contains("CAREC");
        assertThat(DefinitionQuestion.of("UNDP stands for?").flatMap(DefinitionQuestion::abbreviation)).contains("UNDP");
        assertThat(DefinitionQuestion.of("what does it stand for?").flatMap(DefinitionQuestion::abbreviation))
                .as("no word of two capitals").isEmpty();
        assertThat(DefinitionQuestion.of("Who is Aziz Karimov?").flatMap(DefinitionQuestion::abbreviation)).isEmpty();
    }

    @Test
    void aSentenceSpellsOutAnAbbreviationWhenItsCapitalisedWordsStartWithItsLetters() {
        assertThat(DefinitionQuestion.spellsOut("The International Fund for Agricultural Studies (IFAS) met in Dushanbe.", "IFAS"))
                .as("small words between are left out").isTrue();
        assertThat(DefinitionQuestion.spellsOut("Delegates of the Central Asia Regional Economic Cooperation program met.", "CAREC"))
                .isTrue();
        assertThat(DefinitionQuestion.spellsOut("IFAS met in Dushanbe with the International Fund for Agriculture.", "IFAS"))
                .as("the initials make IFA, not IFAS").isFalse();
        assertThat(DefinitionQuestion.spellsOut("The fund for saving the sea met in Dushanbe.", "IFAS")).isFalse();
        assertThat(DefinitionQuestion.of("What does IFAS stand for?").orElseThrow()
                .describedIn("The International Fund for Agricultural Studies (IFAS) met in Dushanbe.")).isTrue();
    }

    @Test
    void aQuestionWhoSomeoneIsIsDescribedByASentenceThatSaysWhoTheyAre() {
        DefinitionQuestion question = DefinitionQuestion.of("Who is Aziz Karimov?").orElseThrow();

        assertThat(question.describedIn("Aziz Karimov, deputy chairman of the council, opened the session.")).isTrue();
        assertThat(question.describedIn("The session was opened by Aziz Karimov.")).isFalse();
    }
}
