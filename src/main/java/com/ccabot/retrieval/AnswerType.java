package com.ccabot.retrieval;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of fact a question asks for, read from its wording ("how many" wants a number, "when" a date), so
 * that among equally relevant sentences the one holding that kind of fact is preferred.
 */
enum AnswerType {
    /** An amount of money: "how much did it cost", "what was the price"; answered by a sum with its currency. */
    MONEY(Pattern.compile("\\bhow much\\b.*\\b(cost|costs|costing|pay|paid|pays|spend|spent|worth|price|priced|invest"
                    + "|invested|money|budget|loan|lent|fund|funded|funding|earn|earns|earned|earning|revenue|revenues"
                    + "|income|fees?|charge|charges|charged)\\b|\\bwhat (?:was|is|will be|were) the"
                    + " (?:(?:total|annual|yearly|monthly|estimated|overall|initial|final|planned|projected|full|combined"
                    + "|average|construction|project|ticket|contract|market) ){0,2}(cost|price|budget|value|investment)\\b"
                    // typed as keywords, the question word last: "khorgos hub total investment how much"
                    + "|\\b(cost|price|budget|investment)\\b[^?.!]*\\bhow much\\s*\\??$"),
            Pattern.compile("[$€£¥]\\s?\\d|\\b\\d[\\d,.]*(?:\\s*(?:million|billion|trillion|mln|bln|bn))?\\s*(?:yuan|renminbi|"
                    + "(?:(?:us|u\\.s\\.|american|hong kong|singapore) )?dollars?|usd|euros?|eur|tenge|soms?|somoni|sums?|rubles?|roubles?|pounds?)\\b|\\b(?:usd|eur|cny|rmb)\\s?\\d",
                    Pattern.CASE_INSENSITIVE)),
    /** A distance: "how far is…", "how long is the railway…"; answered by a number with a unit of length. */
    DISTANCE(Pattern.compile("\\bhow far\\b|\\bwhat(?: is| was)?(?: the)? distance\\b|\\bhow long (?:is|was|will be) the"
                    + " (?:[\\p{L}-]+ ){0,3}(?:road|railway|railroad|rail line|line|pipeline|section|bridge|tunnel|highway"
                    + "|border|canal|route|track)\\b"),
            Pattern.compile("\\b\\d[\\d,.]*(?:\\s|-)?(?:kilometres?|kilometers?|km|miles?|metres?|meters?)\\b",
                    Pattern.CASE_INSENSITIVE)),
    /** A span of time: "how long did it take", "for how long"; answered by a number of days, months, years. */
    DURATION(Pattern.compile("\\bhow long (?:did|does|do|will|would|can|could|has|have|had|may|might|must)\\b"
                    + "|\\bfor how long\\b"),
            Pattern.compile("\\b(?:\\d[\\d,.]*|a|an|one|" + NumberWords.ALTERNATIVES + ")(?:\\s|-)(?:calendar\\s)?"
                    + "(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\\b", Pattern.CASE_INSENSITIVE)),
    /** A part of a whole: "what share of…", "what percentage", "how big a stake"; answered by a percentage or a fraction. */
    PROPORTION(Pattern.compile("\\bwhat (?:(?:percentage|percent|pct|share|proportion|fraction|part)\\b|%)|\\bhow (?:big|large) a"
                    + " (?:stake|share)\\b|\\bby how (?:much|many) percent"),
            Pattern.compile("\\d[\\d,.]*\\s?(?:%|percent\\b|per cent\\b)|\\b(?:half|a third|two thirds|a quarter"
                    + "|three quarters|majority)\\b", Pattern.CASE_INSENSITIVE)),
    // "how far" and "what share/percentage/proportion" are DISTANCE's and PROPORTION's, which are asked first
    NUMBER(Pattern.compile("\\b(how (many|much|large|big|long)|what (number|amount)|by how)\\b"),
            // a count or an amount: not an ordinal ("12th") and not a year
            Pattern.compile("(?<![\\d.,])(?!(?:19|20)\\d\\d(?![\\d,.%]))\\d[\\d,.]*(?!\\d|st|nd|rd|th)"
                    + "|\\b(" + NumberWords.ALTERNATIVES + ")\\b",
                    Pattern.CASE_INSENSITIVE)),
    /** A time of day: "at what time did…", "what time does it open"; answered by a clock time ("3:10 a.m."). */
    TIME(Pattern.compile("\\b(?:what|which) (time)(?! (?:frame|period|span|scale|zone))\\b|\\bwhat (hour)\\b"),
            Pattern.compile("\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}(?:\\.\\d{2})?\\s?(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)"
                    + "|\\bo'clock\\b|\\b(?:noon|midday|midnight)\\b", Pattern.CASE_INSENSITIVE)),
    DATE(Pattern.compile("\\b(when|what (year|date|day|month)|which (year|date|day|month)|since when)\\b"),
            // a month's short name only beside a day ("Dec 1", "23 Jan"): alone it is as likely a name ("Yu Jun")
            Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d|January|February|March|April|May|June|July|August|September|"
                    + "October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\\.? \\d{1,2}\\b)"
                    + "|(?<=\\b\\d{1,2} )(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|Monday|Tuesday|"
                    + "Wednesday|Thursday|Friday|Saturday|Sunday)\\b")),
    /**
     * A place: "where…", "which city…", "in which part of Osh…"; not "where" after a noun ("the schools where the teachers trained"), which
     * is a relative, not the question.
     */
    PLACE(Pattern.compile("\\b((?<!\\b(?:the|a|an|any|all|its|their|those|these) [\\p{L}-]{1,30} )(?<!\\b(?:the|a|an|any|all|its|their|those|these) [\\p{L}-]{1,30} [\\p{L}-]{1,30} )where|(?:which|what) (?:cit(?:y|ies)|countr(?:y|ies)|places?|towns?|provinces?|regions?|venues?|(?:part|area|district|neighbou?rhood)s? of))\\b"),
            // "in Osh", "at the Alataw Pass", "in Uzbekistan's western Khorezm region"
            Pattern.compile("\\b(in|at|to|from) (the )?(?:\\p{Lu}\\p{L}+'s )?(?:\\p{Ll}+ )?\\p{Lu}\\p{L}+")),
    /**
     * A company or another body: "which company built…", "who financed…", "tunnel contractor" (not "what did the
     * company say", which asks for its words); answered by a name that ends in what such a body calls itself
     * ("… Corporation", "… Bank of China"), or its acronym in brackets after it. A bare acronym is not taken: a
     * report names its companies by acronym in sentence after sentence.
     */
    ORGANIZATION(Pattern.compile("\\b(?:which|what)" + Words.MODIFIERS + " (?:compan(?:y|ies)|firms?|contractors?|corporations?"
                    + "|enterprises?|banks?|organi[sz]ations?|institutions?|universit(?:y|ies)|agenc(?:y|ies)|operators?"
                    + "|developers?|lenders?|manufacturers?|suppliers?|builders?)\\b|\\bwho (?:built|builds|constructed"
                    + "|constructs|financed|finances|funded|funds|lent|operates|operated|developed|designed|manufactured"
                    + "|supplied|owns|owned)\\b|\\b(?:contractors?|builders?|lenders?|financiers?|operators?|developers?"
                    + "|manufacturers?)\\b"),
            Pattern.compile("(?:\\p{Lu}[\\p{L}'&.\\-]*\\s+(?:(?:and|of|for|de)\\s+)?){1,6}(?:Corporation|Corp\\.?|Company|Co\\."
                    + "|Group|Ltd\\.?|Limited|Bank|University|Institute|Association|Agency|Fund|Committee|Commission"
                    + "|Ministry|Council|Cent(?:re|er)|Organi[sz]ation|Holdings?|Consortium|Railways?|Airlines|Authority"
                    + "|Administration)\\b(?:\\s+of(?:\\s+\\p{Lu}[\\p{L}-]*){1,3})?|\\((?!US\\)|UK\\))\\p{Lu}{2,}[\\p{Lu}\\d]*\\)"
                    // or a name after the word for what it is: "the Uzbek company BigAgrologistics"
                    + "|\\b(?:company|firm|contractor|operator|carrier|exporter|importer|producer|developer|manufacturer"
                    + "|supplier|builder|lender)\\s+\\p{Lu}[\\p{L}\\p{N}&'-]+")),
    /**
     * Someone's post: "what is Yin's job title", "what position does she hold" (not "what role does a country
     * play", nor "the article's title"); answered by a word for a post ("deputy general manager", "Minister of
     * Education").
     */
    ROLE(Pattern.compile("\\b(?:what|which) (?:is|was|are|were) (?:(?:[\\p{L}-]+ ){0,2}[\\p{L}-]+'s|his|her|their)(?: [\\p{L}-]+)? (job|position"
                    + "|post|role|occupation)\\b|\\b(?:what|which) (job|position|post|role|occupation)s? (?:does|did|do|is"
                    + "|was|has|had|holds?)\\b(?![^?]*\\bplay(?:s|ed|ing)?\\b)"),
            Pattern.compile("\\b(?:president|minister|director|manager|chairm[ae]n|chair(?:person|woman)?|secretary|head"
                    + "|chief|governor|mayor|ambassador|consul|envoy|spokes(?:person|man|woman)|professor|rector|dean|officer"
                    + "|executive|ceo|founder|editor|commander|premier|advis[eo]r|coordinator|representative|deputy|speaker"
                    + "|chancellor|commissioner|principal)\\b", Pattern.CASE_INSENSITIVE)),
    PERSON(Pattern.compile("\\b(who|whom|whose|(?:which|what)" + Words.MODIFIERS + " (?:leaders?|officials?|presidents?|ministers?|persons?|people|speakers?"
                    + "|mayors?|governors?|ambassadors?|envoys?|diplomats?|chairm[ae]n|chairs?|heads?|chiefs?|directors?"
                    + "|representatives?|delegates?|experts?|scholars?|founders?|premiers?|executives?))\\b"),
            Pattern.compile("\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+")),
    OTHER(null, null);

    /** Words the question patterns share; kept apart since an enum's constants cannot read the enum's static fields. */
    static final class Words {

        /** The verbs after "due to" that make it a plan ("due to open"), not a cause ("due to floods"). */
        static final String DUE_VERBS = "be|open|start|begin|finish|complete|launch|run|end|close|reach|arrive";
        /** "due" as a plan ("due to open", "due in May"), not as a cause ("due to floods"). */
        static final String DUE = "due (?:to (?:" + DUE_VERBS + ")|in|by|for)";

        /**
         * Up to two words between "which"/"what" and the noun that says the kind of answer ("which Chinese
         * diplomat", "which Dutch firms"), none of them an auxiliary or a determiner ("what did the company say").
         */
        static final String MODIFIERS = "(?: (?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could"
                + "|the|a|an|this|that|these|those|its|their|his|her)\\b)[\\p{L}-]+){0,2}?";

        private Words() {}
    }

    /**
     * Number words past "one", as a regular expression's alternatives, for the answers of {@link #NUMBER} and for
     * what counts as a count in a window; kept apart since an enum's constants cannot read the enum's static fields.
     */
    static final class NumberWords {

        static final String ALTERNATIVES = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?"
                + "|hundreds?|thousands?|millions?|billions?";

        private NumberWords() {}
    }

    /** Between words: anything but letters, digits and the separators inside numbers. */
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N},.]+|(?<!\\d)[,.]|[,.](?!\\d)");

    private final Pattern asks;
    private final Pattern answers;

    AnswerType(Pattern asks, Pattern answers) {
        this.asks = asks;
        this.answers = answers;
    }

    /**
     * The word of the question that asks for this kind ("cost" in "how much will it cost"), for saying what the
     * articles do not give; empty when the wording names none.
     */
    Optional<String> askingWord(String question) {
        if (asks == null) {
            return Optional.empty();
        }
        Matcher matcher = asks.matcher(question.toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return Optional.empty();
        }
        for (int group = matcher.groupCount(); group >= 1; group--) {
            if (matcher.group(group) != null) {
                return Optional.of(matcher.group(group));
            }
        }
        return Optional.empty();
    }

    /** Whether a text holds a fact of this kind at all; every text does for OTHER. */
    boolean foundIn(String text) {
        return answers == null || answers.matcher(text).find();
    }

    /** Where a text holds facts of this kind; none for OTHER. */
    java.util.List<java.util.regex.MatchResult> occurrences(String text) {
        return answers == null ? java.util.List.of() : answers.matcher(text).results().toList();
    }

    static AnswerType of(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        for (AnswerType type : values()) {
            if (type.asks != null && type.asks.matcher(lower).find()) {
                return type;
            }
        }
        return OTHER;
    }

    /**
     * Whether a sentence holds a fact of this kind that the question does not already say: for "Which presidents
     * opened the Central Asia-China pipeline?" the sentence that names "Hu Jintao", not the one that repeats
     * "Central Asia". Every sentence does for OTHER.
     */
    boolean newIn(String sentence, String question) {
        if (answers == null) {
            return true;
        }
        Set<String> asked = words(question);
        Matcher matcher = answers.matcher(sentence);
        while (matcher.find()) {
            if (!asked.containsAll(words(matcher.group()))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word.replace(",", ""));
            }
        }
        return words;
    }
}
