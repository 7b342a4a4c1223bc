package com.ccabot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void keepsACreditInBracketsWithTheCaptionBeforeIt() {
        assertThat(splitter.split("Workers lay track near Osh, May 3, 2024. (Photo/Aibek Sultanov)\nThe line opens in 2030."))
                .containsExactly("Workers lay track near Osh, May 3, 2024. (Photo/Aibek Sultanov)", "The line opens in 2030.");
        assertThat(splitter.split("(Reuters) The talks ended early.")).containsExactly("(Reuters) The talks ended early.");
    }

    @Test
    void splitsAtAFullStopFollowedBySpaceAndCapital() {
        assertThat(splitter.split("The forum opened. Leaders spoke! Was it useful? Yes."))
                .containsExactly("The forum opened.", "Leaders spoke!", "Was it useful?", "Yes.");
    }

    @Test
    void splitsSentencesGluedTogetherWithoutASpace() {
        String text = "The conversations have been lightly edited for clarity and conciseness.CGTN: What are the key"
                + " highlights in the outcomes document of this summit?Cui Zheng: The outcomes document showed"
                + " China-Central Asia political mutual trust reaching new heights.";

        assertThat(splitter.split(text)).containsExactly(
                "The conversations have been lightly edited for clarity and conciseness.",
                "CGTN: What are the key highlights in the outcomes document of this summit?",
                "Cui Zheng: The outcomes document showed China-Central Asia political mutual trust reaching new heights.");
    }

    @Test
    void splitsAGluedStopAfterACapitalisedWordOrAQuestionToo() {
        assertThat(splitter.split("in regional development.Among the 110 outcomes"))
                .containsExactly("in regional development.", "Among the 110 outcomes");
        assertThat(splitter.split("the China-Central Asia Spirit.The platform will grow"))
                .containsExactly("the China-Central Asia Spirit.", "The platform will grow");
        assertThat(splitter.split("emphasized by Xi Jinping?Cui Zheng: These institutions"))
                .containsExactly("emphasized by Xi Jinping?", "Cui Zheng: These institutions");
    }

    @Test
    void keepsNumbersAcronymsAndMonthAbbreviationsInOneSentence() {
        assertThat(splitter.split("Trade grew 7.3 percent to $43.4 billion in the U.S. and Aug. 5 was a Tuesday. Next one."))
                .containsExactly("Trade grew 7.3 percent to $43.4 billion in the U.S. and Aug. 5 was a Tuesday.", "Next one.");
    }

    @Test
    void keepsDecimalsAndTimesWhole() {
        assertThat(splitter.split("It rose from 312.04 billion yuan to 8.9 percent at 08:09 with 1.2 million visits."))
                .hasSize(1);
    }

    @Test
    void keepsASingleCapitalInitialInsideTheSentence() {
        assertThat(splitter.split("Rahim R. Hakimov, deputy speaker, said about 4,500 Chinese-invested enterprises are"
                + " operating. He said more."))
                .containsExactly("Rahim R. Hakimov, deputy speaker, said about 4,500 Chinese-invested enterprises are operating.",
                        "He said more.");
    }

    @Test
    void keepsDatesWrittenWithoutStopsWhole() {
        assertThat(splitter.split("the SCO Tianjin Summit from Aug 31 to Sept 1 and the Global Leaders' Meeting"))
                .containsExactly("the SCO Tianjin Summit from Aug 31 to Sept 1 and the Global Leaders' Meeting");
    }

    @Test
    void doesNotSplitAfterTitlesAndCommonAbbreviations() {
        List<String> texts = List.of(
                "Mr. Wang met Dr. Li and Prof. Chen on Sept. 3 in St. Petersburg.",
                "They met Gen. Ma, Sen. Smith and Rep. Jones of the U.K. at the U.N. today.",
                "Firms such as Huawei Co. Ltd. and Acme Inc. joined, e.g. Sinopec, i.e. Big Ones, etc. And more.",
                "The U.S.A. team vs. The Rest played on Oct. 1 and Nov. 2 and DEC. 3.",
                "It is approx. Ten kilometres from No. 5 Road.");
        for (String text : texts) {
            assertThat(splitter.split(text)).as(text).hasSize(1);
        }
    }

    @Test
    void splitsAfterAnOrdinaryWordThatLooksLikeANumberAbbreviation() {
        assertThat(splitter.split("He said no. The talks went on."))
                .containsExactly("He said no.", "The talks went on.");
    }

    @Test
    void endsASentenceWithAnAbbreviationOrAcronymAtTheEndOfALine() {
        assertThat(splitter.split("Exports include cotton, fruit, etc.\nNew talks opened with the U.S.\nThey ended."))
                .containsExactly("Exports include cotton, fruit, etc.", "New talks opened with the U.S.", "They ended.");
    }

    @Test
    void keepsClosingQuotesAndBracketsWithTheSentenceTheyClose() {
        assertThat(splitter.split("He said \"we agree.\" Then he left. (It was late.) “Why?” she asked."))
                .containsExactly("He said \"we agree.\"", "Then he left.", "(It was late.)", "“Why?” she asked.");
    }

    @Test
    void doesNotSplitBeforeALowerCaseWord() {
        assertThat(splitter.split("The figure was 5 p.m. local time. and so on"))
                .containsExactly("The figure was 5 p.m. local time. and so on");
    }

    @Test
    void splitsAtAnEllipsisFollowedByACapital() {
        assertThat(splitter.split("They waited… Then it came... Finally!"))
                .containsExactly("They waited…", "Then it came...", "Finally!");
    }

    @Test
    void splitsBeforeNonLatinLettersAndDigits() {
        assertThat(splitter.split("The forum ended. Форум закрыт. 13 projects were signed."))
                .containsExactly("The forum ended.", "Форум закрыт.", "13 projects were signed.");
    }

    @Test
    void endsASentenceAtFullWidthStopsWithoutASpace() {
        assertThat(splitter.split("中国与中亚合作。论坛在乌鲁木齐举行！你好吗？好。"))
                .containsExactly("中国与中亚合作。", "论坛在乌鲁木齐举行！", "你好吗？", "好。");
    }

    @Test
    void treatsEveryLineAsItsOwnSentenceAndSkipsBlankLines() {
        assertThat(splitter.split("Forum lauds enhanced ties\n\n  \nNovember 07, 2025 By Fang Aiqing\r\nLIU XIN/CHINA NEWS"))
                .containsExactly("Forum lauds enhanced ties", "November 07, 2025 By Fang Aiqing", "LIU XIN/CHINA NEWS");
    }

    @Test
    void collapsesRunsOfSpacesAndTabs() {
        assertThat(splitter.split("  Leaders \t met   in\u00A0Astana.   Then    they left.  "))
                .containsExactly("Leaders met in Astana.", "Then they left.");
    }

    @Test
    void collapsesEveryKindOfHorizontalSpaceAloneOrInARun() {
        java.util.regex.Pattern horizontal = java.util.regex.Pattern.compile("[\\h\\x0B\\f]");
        java.util.regex.Pattern lineBreak = java.util.regex.Pattern.compile("\\R"); // vertical tab, form feed: new lines
        int kinds = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String one = String.valueOf(c);
            if (horizontal.matcher(one).matches() && !lineBreak.matcher(one).matches()) {
                kinds++;
                assertThat(splitter.split("Leaders" + c + "met")).as("U+%04X alone", (int) c).containsExactly("Leaders met");
                assertThat(splitter.split("Leaders " + c + "met" + c + c + "here")).as("U+%04X in runs", (int) c)
                        .containsExactly("Leaders met here");
            }
        }
        assertThat(kinds).as("space, tab and Unicode's other horizontal spaces").isEqualTo(19);
    }

    @Test
    void givesNothingForBlankText() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(" \n\t\n")).isEmpty();
    }

    @Test
    void keepsEveryCharacterOtherThanSpacing() {
        String text = "A.B. test.Then 3.5 more? Yes!\"Quoted\" end… (x) y.";
        String joined = String.join("", splitter.split(text)).replace(" ", "");
        assertThat(joined).isEqualTo(text.replace(" ", ""));
    }
}
