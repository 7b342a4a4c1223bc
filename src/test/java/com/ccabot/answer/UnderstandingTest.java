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
    void aFollowUpIsNeverCachedUnderTheSameKeyAsTheSameWordsAlone() {
        assertThat(offline.understand("and when?", history).cacheText())
                .isNotEqualTo(offline.understand("and when?", List.of()).cacheText());
    }
}
