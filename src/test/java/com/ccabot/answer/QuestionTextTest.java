package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionTextTest {

    @Test
    void removesHtmlMarkdownAndLinksButKeepsTheWords() {
        assertThat(QuestionText.clean("<b>Where</b> was the *second* summit held? [see](http://example.com) _thanks_"))
                .isEqualTo("Where was the second summit held? see thanks");
    }

    @Test
    void dropsScriptAndStyleElementsWithTheirCode() {
        assertThat(QuestionText.clean("<script type=\"text/javascript\">steal(42)</script>What did the ministers sign?"
                + "<STYLE>p { margin: 0 }</STYLE>")).isEqualTo("What did the ministers sign?");
    }

    @Test
    void replacesControlCharactersAndCollapsesSpaces() {
        assertThat(QuestionText.clean("How\u0000 many\u0007\u001b[31m   people?\r\n")).isEqualTo("How many [31m people?");
    }

    @Test
    void foldsFullWidthLetters() {
        assertThat(QuestionText.clean("Ａｓｔａｎａ？")).isEqualTo("Astana?");
    }

    @Test
    void keepsSnakeCaseAndNumbersIntact() {
        assertThat(QuestionText.clean("file_name 8.9 percent $43.4")).isEqualTo("file_name 8.9 percent $43.4");
    }

    @Test
    void cacheKeyIgnoresCaseSpacingAndTrailingPunctuation() {
        assertThat(QuestionText.normalise("Where  was the Summit held?!"))
                .isEqualTo(QuestionText.normalise("where was the summit held"));
        assertThat(QuestionText.normalise("What is the \"1231\" project?")).isEqualTo("what is the \"1231\" project");
    }

    @Test
    void nullIsAnEmptyQuestion() {
        assertThat(QuestionText.clean(null)).isEmpty();
    }
}
