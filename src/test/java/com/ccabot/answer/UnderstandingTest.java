package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnderstandingTest {

    private final Understanding offline = new Understanding(new ExtractiveBackend(3, 600, 0.5));
    private final List<Turn> history = List.of(new Turn("Who opened the new bridge over the Ili river?", "The governor did. [1]"));

    @Test
    void aQuestionThatStandsAloneIsSearchedAsAsked() {
        Understood understood = offline.understand("What does the bridge cost?", List.of());

        assertThat(understood.query()).isEqualTo("What does the bridge cost?");
        assertThat(understood.offlineFollowUp()).isFalse();
    }

    @Test
    void aFollowUpIsSearchedWithTheQuestionBeforeIt() {
        Understood understood = offline.understand("and when?", history);

        assertThat(understood.offlineFollowUp()).isTrue();
        assertThat(understood.query()).isEqualTo("Who opened the new bridge over the Ili river? and when?");
    }

    @Test
    void aQuestionThatDoesNotReadAsAFollowUpStandsAloneInsideAConversation() {
        Understood understood = offline.understand("What is the capital of Brazil?", history);

        assertThat(understood.offlineFollowUp()).isFalse();
        assertThat(understood.query()).isEqualTo("What is the capital of Brazil?");
    }

    @Test
    void thereInAreThereOrThereWereDoesNotPointBack() {
        assertThat(offline.understand("How many toll booths are there on the Ili bridge?", history).offlineFollowUp()).isFalse();
        assertThat(offline.understand("Were there any protests against the Ili bridge?", history).offlineFollowUp()).isFalse();
        assertThat(offline.understand("there were how many lanes on the Ili bridge", history).offlineFollowUp()).isFalse();
        assertThat(offline.understand("what else happened there?", history).offlineFollowUp()).isTrue();
        assertThat(offline.understand("who else spoke there", history).offlineFollowUp()).isTrue();
    }

    @Test
    void aFollowUpIsNeverCachedUnderTheSameKeyAsTheSameWordsAlone() {
        assertThat(offline.understand("and when?", history).cacheText())
                .isNotEqualTo(offline.understand("and when?", List.of()).cacheText());
    }
}
