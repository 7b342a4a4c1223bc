package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AskedNameTest {

    @Test
    void readsTheThingWhoseNameIsAsked() {
        assertThat(AskedName.of("What is the name of the new dam on the Naryn?")).get().extracting(AskedName::thing).isEqualTo("dam");
        assertThat(AskedName.of("what was the name of the Kyrgyz mare Otunbayeva gave the zoo")).get()
                .extracting(AskedName::thing).isEqualTo("mare");
        assertThat(AskedName.of("What is the new ferry called?")).get().extracting(AskedName::thing).isEqualTo("ferry");
        assertThat(AskedName.of("How long is the new dam?")).isEmpty();
        assertThat(AskedName.of("What is the name of Kambarata?")).as("a name asks nothing to check").isEmpty();
    }

    @Test
    void aNameBesideTheWordAnswersIt() {
        AskedName dam = AskedName.of("What is the name of the new dam on the Naryn?").orElseThrow();

        assertThat(dam.namedIn(List.of("Work began on the new Kambarata dam in May."))).isTrue();
        assertThat(dam.namedIn(List.of("Engineers finished a dam named Toktogul-2 on the river."))).isTrue();
        assertThat(dam.namedIn(List.of("Kyrgyz engineers will finish the dam, Kambarata-1, by 2028."))).isTrue();
    }

    @Test
    void aWordWithoutANameOrWithTheQuestionsOwnNamesDoesNot() {
        AskedName dam = AskedName.of("What is the name of the new dam on the Naryn?").orElseThrow();

        assertThat(dam.namedIn(List.of("The new dam on the Naryn will hold 5 billion cubic metres."))).isFalse();
        assertThat(dam.namedIn(List.of("The dam was paid for by Chinese banks."))).as("a name past a verb is another's").isFalse();
        assertThat(dam.namedIn(List.of("Crews reached the dam from Bishkek on Monday."))).isFalse();
        assertThat(dam.namedIn(List.of("The Toktogul Dam Authority met on Friday."))).as("the word inside a name is that name's").isFalse();
    }
}
