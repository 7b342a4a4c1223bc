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
}
