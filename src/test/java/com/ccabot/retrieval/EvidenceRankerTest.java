package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.Chunk;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceRankerTest {

    private static final Article ARTICLE = new Article("ferry.md", "A ferry line opens", null, null, null, null, null,
            "text");

    private static Evidence sentence(int number, String text, double score, boolean countsNext) {
        double[] features = new double[EvidenceRanker.FEATURES.size()];
        features[EvidenceRanker.FEATURES.indexOf("count_next")] = countsNext ? 1 : 0;
        Passage passage = new Passage(new Chunk("ferry.md#0", ARTICLE, 0, 0, List.of(text)), 1, 0.8, 1);
        return new Evidence(passage, number, text, "", "", Set.of(), Set.of(), features, score);
    }

    @Test
    void aSentenceThatCountsWhatTheQuestionCountsComesFirstTheRestKeepTheirOrder() {
        Evidence restating = sentence(0, "Many passengers use the ferry line since it opened.", 0.9, false);
        Evidence other = sentence(1, "The ferry sails twice a day.", 0.7, false);
        Evidence counting = sentence(2, "About 12,000 passengers crossed in the first month.", 0.5, true);

        assertThat(EvidenceRanker.countingFirst(List.of(restating, other, counting)))
                .containsExactly(counting, restating, other);
        assertThat(EvidenceRanker.countingFirst(List.of(restating, other))).containsExactly(restating, other);
    }

    @Test
    void aPostsHolderIsANameOfTwoCapitalisedWordsBesideThePostsWord() {
        com.ccabot.index.TermAnalyzer analyzer = new com.ccabot.index.TermAnalyzer();
        Set<String> posts = Set.copyOf(analyzer.terms("ambassador"));
        Set<String> asked = Set.copyOf(analyzer.terms("Which Chinese ambassador attended the opening of the Tolqin school?"));

        assertThat(EvidenceRanker.namesHolder(analyzer.tokens(
                "Guests included China's ambassador to Kazakhstan, Li Wen, and the region's governor."), posts, asked)).isTrue();
        assertThat(EvidenceRanker.namesHolder(analyzer.tokens(
                "Mira Sato, the ambassador, cut the ribbon."), posts, asked)).as("the name before the post").isTrue();
        assertThat(EvidenceRanker.namesHolder(analyzer.tokens(
                "The Chinese ambassador attended the opening of the Tolqin school on Monday."), posts, asked))
                .as("only the question's own words").isFalse();
        assertThat(EvidenceRanker.namesHolder(analyzer.tokens(
                "Anna Berg opened the school, and pupils sang songs for the guests from the city and the ambassador."), posts, asked))
                .as("a name far from the post").isFalse();
    }

    @Test
    void namingFirstTakesThePostsHolderFirstOnlyForAQuestionOfWho() {
        Evidence lead = sentence(0, "The Chinese ambassador attended the opening of the Tolqin school.", 0.9, false);
        Evidence guests = sentence(3, "Guests included China's ambassador to Kazakhstan, Li Wen.", 0.5, false);
        com.ccabot.index.TermAnalyzer analyzer = new com.ccabot.index.TermAnalyzer();
        AnalysedQuestion terms = new AnalysedQuestion(List.of(new QuestionTerm(analyzer.terms("ambassador").get(0), 2, true, null,
                false, false, false, true, "ambassador")), "which ambassador attended");

        assertThat(EvidenceRanker.namingFirst("Which ambassador attended?", terms, List.of(lead, guests), analyzer))
                .containsExactly(guests, lead);
        assertThat(EvidenceRanker.namingFirst("What did the ambassador say?", terms, List.of(lead, guests), analyzer))
                .containsExactly(lead, guests);
        AnalysedQuestion noFocus = new AnalysedQuestion(List.of(), "Which Chinese ambassador attended the opening?");
        assertThat(EvidenceRanker.namingFirst("Which Chinese ambassador attended the opening?", noFocus, List.of(lead, guests),
                analyzer)).as("the post the question's wording asks for").containsExactly(guests, lead);
    }

    @Test
    void measuredFirstTakesTheSentenceWithANumberInTheQuestionsUnitFirst() {
        com.ccabot.index.TermAnalyzer analyzer = new com.ccabot.index.TermAnalyzer();
        Evidence lead = sentence(0, "The ferry terminal in Termez opened with 300 guests on Monday.", 0.9, false);
        Evidence area = sentence(1, "The terminal covers 2,400 square meters beside the river.", 0.5, false);

        assertThat(EvidenceRanker.measuredFirst(question("ferry terminal size sq m", analyzer), List.of(lead, area), analyzer))
                .containsExactly(area, lead);
        assertThat(EvidenceRanker.measuredFirst(question("ferry terminal guests", analyzer), List.of(lead, area), analyzer))
                .containsExactly(lead, area);
    }

    private static AnalysedQuestion question(String text, com.ccabot.index.TermAnalyzer analyzer) {
        return new AnalysedQuestion(analyzer.tokens(text).stream().map(t -> new QuestionTerm(t.term(), 1, true, null, false,
                false, false, false, t.word())).toList(), text);
    }

    @Test
    void causeFirstTakesTheSentenceThatGivesACauseFirstOnlyForAQuestionOfWhy() {
        Evidence lead = sentence(0, "The opening of the ferry line was postponed until May.", 0.9, false);
        Evidence time = sentence(1, "Since March the ferry has been tested on the river.", 0.7, false);
        Evidence cause = sentence(2, "Officials said the opening was put off because of low water.", 0.5, false);

        assertThat(EvidenceRanker.causeFirst("Why was the opening of the ferry line postponed?", List.of(lead, time, cause)))
                .containsExactly(cause, lead, time);
        assertThat(EvidenceRanker.causeFirst("When will the ferry line open?", List.of(lead, time, cause)))
                .containsExactly(lead, time, cause);
        Evidence plan = sentence(3, "The second ferry is due to open in May.", 0.8, false);
        assertThat(EvidenceRanker.causeFirst("Why was the opening of the ferry line postponed?", List.of(plan, cause)))
                .as("'due to open' is a plan, not a cause").containsExactly(cause, plan);
    }

    @Test
    void payingFirstTakesTheSentenceWithASumPaidFirstOnlyForAQuestionOfCost() {
        Evidence lead = sentence(0, "A group from Anhui opened the Tolqin glass works on Monday.", 0.9, false);
        Evidence trade = sentence(2, "Trade through the district grew to 40 million dollars.", 0.7, false);
        Evidence sum = sentence(3, "Total investment was put at 90 million dollars.", 0.5, false);

        assertThat(EvidenceRanker.payingFirst("How much money went into the Tolqin works?", List.of(lead, trade, sum)))
                .as("a sum paid, not a sum of trade").containsExactly(sum, lead, trade);
        assertThat(EvidenceRanker.payingFirst("Who opened the Tolqin works?", List.of(lead, trade, sum)))
                .containsExactly(lead, trade, sum);
    }
}
