package com.ccabot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TermVariantsTest {

    private final TermAnalyzer analyzer = new TermAnalyzer();

    @Test
    void knowsWhichTermsNameCountriesHoweverTheyAreWritten() {
        assertThat(analyzer.terms("mongolian herders")).first().matches(analyzer::namesCountry);
        assertThat(analyzer.terms("Peru")).first().matches(analyzer::namesCountry);
        assertThat(analyzer.terms("pipeline")).first().matches(term -> !analyzer.namesCountry(term));
        assertThat(analyzer.terms("Asia")).first().matches(term -> !analyzer.namesCountry(term), "a region is not a country");
    }

    @Test
    void aCountrysAdjectiveAndItsNameShareATerm() {
        List<String> country = analyzer.terms("Kyrgyzstan");

        assertThat(country).hasSize(1);
        assertThat(analyzer.terms("Kyrgyz officials opened the new border post")).contains(country.get(0));
        assertThat(analyzer.terms("a delegation of Kyrgyzstanis")).contains(country.get(0));
    }

    @Test
    void unitAbbreviationsAndTheirWordsGiveTheSameTerms() {
        assertThat(analyzer.terms("a canal 40 km long")).isEqualTo(analyzer.terms("a canal 40 kilometres long"));
        assertThat(analyzer.terms("a 300 MW plant")).isEqualTo(analyzer.terms("a 300 megawatt plant"));
        assertThat(analyzer.terms("5 bn tenge")).isEqualTo(analyzer.terms("5 billion tenge"));
    }

    @Test
    void chatShorthandAndItsWordGiveTheSameTerms() {
        assertThat(analyzer.terms("how many ppl came last yr")).isEqualTo(analyzer.terms("how many people came last year"));
        assertThat(analyzer.terms("the govt dept")).isEqualTo(analyzer.terms("the government department"));
    }

    @Test
    void aMonthAsNewsShortensItAndItsNameGiveTheSameTerm() {
        assertThat(analyzer.terms("signed on Sept. 11, 2013")).isEqualTo(analyzer.terms("signed on September 11, 2013"));
        assertThat(analyzer.terms("the night of Friday, Jan. 26")).containsAll(analyzer.terms("in january"));
        assertThat(analyzer.terms("opened in Dec 2024")).isEqualTo(analyzer.terms("opened in December 2024"));
    }

    @Test
    void aNounOfSizeAndTheAdjectiveNewsGivesItWithShareATerm() {
        assertThat(analyzer.terms("the length of the tunnel")).containsAll(analyzer.terms("long"));
        assertThat(analyzer.terms("the dam is 90 metres tall")).containsAll(analyzer.terms("height"));
        assertThat(analyzer.terms("each blade weighs 12 tonnes")).containsAll(analyzer.terms("weight"));
        assertThat(analyzer.terms("a high-level meeting")).as("'high' says more often something else")
                .doesNotContainAnyElementsOf(analyzer.terms("height"));
    }

    @Test
    void digitsAndNumberWordsWithEitherSpellingGiveTheSameTerms() {
        assertThat(analyzer.terms("the city opened 2 centres last spring"))
                .isEqualTo(analyzer.terms("the city opened two centers last spring"));
    }

    @ParameterizedTest
    @CsvSource({
        "the organisation of trade fairs, the organization of trade fairs",
        "she travelled by train, she traveled by train",
        "a defence agreement, a defense agreement",
        "labour migration rose, labor migration rose",
        "the twelfth forum on water, the 12th forum on water",
        "a colourful festival, a colorful festival",
        "they analysed the harvest, they analyzed the harvest",
        "fuelled by exports, fueled by exports",
        "a regional counsellor, a regional counselor",
        "a catalogue of grey textiles, a catalog of gray textiles",
        "the neighbouring provinces, the neighboring provinces",
        "kilometres of fibre cable, kilometers of fiber cable",
        "twenty-five delegates, 25 delegates",
        "the twenty first century, the 21st century"
    })
    void britishAndAmericanSpellingsAndNumbersInWordsOrDigitsGiveTheSameTerms(String one, String other) {
        assertThat(analyzer.terms(one)).isEqualTo(analyzer.terms(other));
    }

    @Test
    void fourBecomesADigitAndNeverTheWordFor() {
        assertThat(analyzer.terms("four")).containsExactly("4");
        assertThat(analyzer.terms("for")).isEmpty(); // still a stop word
    }

    @Test
    void numberWordsSeparatedByMoreThanASpaceOrHyphenStayTwoNumbers() {
        assertThat(analyzer.terms("twenty, five")).containsExactly("20", "5");
        assertThat(analyzer.terms("twenty countries")).hasSize(2).startsWith("20");
        assertThat(analyzer.terms("ninety")).containsExactly("90");
    }

    @Test
    void aJoinedNumberIsOneTokenSpanningBothWords() {
        assertThat(analyzer.tokens("about twenty-five people"))
                .contains(new TermAnalyzer.Token("25", "twenty-five"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"house", "hours", "yours", "rise", "course", "string", "called", "filled", "selling", "teller",
        "quelled", "advertise", "promise", "precise", "tourist", "flour"})
    void anOrdinaryWordWithoutAVariantIsLeftAsItIs(String word) {
        assertThat(TermVariants.canonical(word)).isEqualTo(word);
    }

    @Test
    void wordsOfOneFamilyStillShareAStem() {
        assertThat(analyzer.terms("rise rises rising")).containsOnly(analyzer.terms("rise").get(0));
        assertThat(analyzer.terms("sell selling")).containsOnly(analyzer.terms("sell").get(0));
        assertThat(analyzer.terms("colour colours coloured")).containsOnly(analyzer.terms("color").get(0));
        assertThat(analyzer.terms("organise organize organising organizing")).containsOnly(analyzer.terms("organise").get(0));
    }

    @Test
    void differentWordsStayDifferent() {
        assertThat(analyzer.terms("filled")).isNotEqualTo(analyzer.terms("filed"));
        assertThat(analyzer.terms("hatred")).isNotEqualTo(analyzer.terms("hater"));
        assertThat(analyzer.terms("hours")).isNotEqualTo(analyzer.terms("hors"));
        assertThat(analyzer.terms("second")).isNotEqualTo(analyzer.terms("seconds"));
    }

    @Test
    void theCountryTableCoversEverySovereignCountryAndCentralAsiasAdjectives() {
        assertThat(TermVariants.COUNTRIES.entries()).isGreaterThanOrEqualTo(190);
        assertThat(TermVariants.words())
                .containsEntry("kazakh", "kazakhstan").containsEntry("kazakhs", "kazakhstan")
                .containsEntry("kyrgyz", "kyrgyzstan").containsEntry("kyrgyzstani", "kyrgyzstan")
                .containsEntry("tajik", "tajikistan").containsEntry("tajiks", "tajikistan")
                .containsEntry("turkmen", "turkmenistan").containsEntry("turkmens", "turkmenistan")
                .containsEntry("uzbek", "uzbekistan").containsEntry("uzbeks", "uzbekistan")
                .containsEntry("chinese", "china").containsEntry("russians", "russia");
    }

    @Test
    void noSharedFormIsAStopWordSoNoReplacedWordIsLost() {
        assertThat(TermVariants.words().values()).noneMatch(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET::contains);
    }

    @Test
    void aMissingTableFailsAtOnceNamingTheResource() {
        assertThatThrownBy(() -> TermTable.load("terms/no-such-table.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terms/no-such-table.tsv").hasMessageContaining("missing");
    }

    @Test
    void theWordsFieldKeepsTheWordsAsWritten() throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TermAnalyzer.WORDS_FIELD, "Two Uzbek centres")) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        assertThat(words).containsExactly("two", "uzbek", "centres");
    }
}
