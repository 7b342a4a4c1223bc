package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.TermAnalyzer;
import com.ccabot.index.WordMeanings;
import com.ccabot.knowledge.Article;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the window an answer comes from must hold for a question, read from the question's wording: its numbers,
 * countries and what it asks about, and for some kinds of question a kind of fact (a sum of money, a count, a list,
 * an abbreviation spelt out). The {@link AnswerabilityGate} declines a question no retrieved window meets them all
 * for, and names what is missing.
 */
final class WindowRequirements {

    /** A year, as the analysed terms write it. */
    private static final Pattern YEAR = Pattern.compile("(?:1[89]|20)\\d\\d");
    /**
     * A year said relative to the report's own: "last year", "this year", "next year" (not "from a year earlier" nor
     * "the previous year", which more often give what a figure is compared with than when it was).
     */
    private static final Pattern RELATIVE_YEAR = Pattern.compile("\\b(?:last|this|next) year\\b", Pattern.CASE_INSENSITIVE);
    /** A year given as a deadline or a target: "by 2020", "by the end of 2025". */
    private static final Pattern TARGET_YEAR = Pattern.compile("\\bby (?:the (?:end|middle|start) of |mid-|early |late )?"
            + "((?:1[89]|20)\\d\\d)\\b", Pattern.CASE_INSENSITIVE);
    /** Words of a forecast or a plan, as alternatives of a regular expression ("due" apart: it also gives a cause). */
    private static final String FORECAST_WORDS = "expect(?:s|ed)?|plan(?:s|ned)?|aim(?:s|ed)?|target(?:s|ed)?|will|would|should"
            + "|projected|forecasts?|goal|intends?|scheduled";
    /** Words that make a sentence's figure a forecast or a plan rather than what happened. */
    private static final Pattern FORECAST = Pattern.compile("\\b(?:" + FORECAST_WORDS + "|due)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * A question for the time of something yet to happen when the report was written: "when will the line open",
     * "when is it due to be finished", "when was the plant supposed to be commissioned".
     */
    private static final Pattern ASKS_PLANNED = Pattern.compile("\\b(?:will|shall|going to|scheduled|" + AnswerType.Words.DUE
            + "|expected|planned|slated|supposed|set to|intends?|plans? to|aims? to)\\b");
    /**
     * Words that put a date ahead of the report: a forecast's or a plan's ("expected", "would", "is to open in May",
     * "set for 2027", "due to open"), not "due to" a cause ("delayed due to floods in May").
     */
    private static final Pattern AHEAD = Pattern.compile("\\b(?:" + FORECAST_WORDS + "|" + AnswerType.Words.DUE + ")\\b"
            + "|\\b(?:is|are|was|were) to\\b|\\bset (?:for|to)\\b|\\bslated\\b|\\bsupposed\\b", Pattern.CASE_INSENSITIVE);
    /** A time said relative to the report's, ahead of it: "next year", "next spring". */
    private static final Pattern NEXT = Pattern.compile("\\bnext (?:year|month|spring|summer|autumn|fall|winter)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A sentence that begins with a word for what the sentence before named. */
    private static final Pattern REFERS_BACK = Pattern.compile("\\s*(?:it|its|they|their|this|these|he|she)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A question about what happened, in the past tense. */
    private static final Pattern ASKS_PAST = Pattern.compile("\\b(?:did|was|were|had)\\b", Pattern.CASE_INSENSITIVE);
    /** A year as a text writes it. */
    private static final Pattern WRITTEN_YEAR = Pattern.compile("(?<![\\d.,])(?:1[89]|20)\\d\\d(?!\\d|[.,]\\d)");
    /** Words that make a sum of money a price, a cost or a payment. */
    private static final Pattern PAYMENT = Pattern.compile("\\b(?:costs?|costing|worth|valued?|prices?|priced|invest\\w*"
            + "|spen[dt]\\w*|fund\\w*|financ\\w*|budget\\w*|loans?|lent|lend\\w*|paid|pays?|paying|payments?|fees?|fares?"
            + "|tolls?|allocat\\w*|grants?|contracts?|sav(?:e|es|ed|ing|ings)|expenditures?|charged?|charges|tickets?"
            + "|earn\\w*|revenues?|income|profits?|proceeds)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * How many words from a sum a word that makes it a payment may stand: "Total investment was put at 90 million
     * dollars", "a $1.2 billion plant, financed by…", but not "the year's figure at $41.5 billion, up 6 percent, and
     * China is the country's largest trading and investment partner".
     */
    private static final int PAYMENT_REACH = 8;
    /** A question that asks for a count of something. */
    private static final Pattern COUNTED = Pattern.compile("\\bhow many\\b");
    /** A count as a text writes it: digits that are not a year, or a number word. */
    private static final Pattern COUNT = Pattern.compile("(?!(?:19|20)\\d\\d$)\\d[\\d,.]*|(?i)(one|" + AnswerType.NumberWords.ALTERNATIVES
            + "|both)");
    /**
     * What introduces the members of a group within its sentence, in the same clause as the group's word (a decimal
     * point, as in "a 95.3 million dollar package:", ends no clause).
     */
    private static final Pattern LIST_FOLLOWS = Pattern.compile("^(?:[^.;]|(?<=\\d)\\.(?=\\d)){0,60}?"
            + "(?:\\bnamely\\b|\\binclud(?:e|es|ed|ing)\\b|\\bsuch as\\b|\\bcomprising\\b|\\bconsist(?:s|ed|ing)? of\\b|:)",
            Pattern.CASE_INSENSITIVE);
    /** A sentence that goes on to name the members of the group the one before names. */
    private static final Pattern LIST_NEXT = Pattern.compile("\\s*(?:these|they|the \\p{L}+) (?:include[sd]?|are|were|comprised?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A person's name as a text writes it: two or three capitalised words. */
    private static final Pattern PERSON_NAME = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?(?: \\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?){1,2}\\b");
    /** A plural that names people by their trade or origin: "archaeologists", "technicians", "Kazakhstanis". */
    private static final Pattern PERSON_BY_TRADE = Pattern.compile("\\p{L}{3,}(?:ists|ians|anis)");
    /** How many names of people one sentence must give to list a group of people. */
    private static final int NAMES_OF_A_LIST = 3;
    /** Words for a part of a whole, given in articles as a percentage or a fraction. */
    private static final Set<String> PARTS = Set.of("share", "shares", "stake", "stakes", "percentage", "percentages",
            "proportion", "proportions", "fraction");
    /** Words a question asks for a share with, besides the words for a part: "what percent", "what pct". */
    private static final Set<String> SHARE_WORDS = Set.of("percent", "per", "cent", "pct", "part", "parts", "fractions");
    /**
     * Words for how much there is of something ("the value of the imports", "the sulphur content of diesel"), given
     * in articles as a number ("imports worth 9.3 billion dollars", "less than 10 ppm of sulphur") more often than
     * by the word.
     */
    private static final Set<String> MEASURES = Set.of("content", "level", "levels", "volume", "volumes", "size", "total",
            "figure", "figures", "quantity", "quantities");
    /**
     * Words for what something is worth ("the value of the imports", "how much money did they spend"), given in
     * articles as a sum of money.
     */
    private static final Set<String> WORTH = Set.of("value", "values", "worth", "sum", "money");
    /** A question that asks for a rate: "the poverty rate", "at what rate", "interest rates". */
    private static final Pattern RATE = Pattern.compile("\\brates?\\b");
    /** The word that says which rate a question asks for: "interest" of "the interest rate". */
    private static final Pattern RATE_OF = Pattern.compile("([\\p{L}-]+) rates?\\b");
    /** A rate given by its unit of time: "2 percent a year", "an annual 7.3 percent", "grew 5 percent annually". */
    private static final Pattern PER_TIME = Pattern.compile("\\b(?:a|an|per|each|every) (?:year|annum|month|week|day)\\b"
            + "|\\b(?:annual|annually|yearly|monthly)\\b", Pattern.CASE_INSENSITIVE);
    /** A question that asks for an amount per unit of something: "per kWh", "per tonne". */
    private static final Pattern PER_UNIT = Pattern.compile("\\bper ((?:cubic |square |metric )?[\\p{L}]+)");
    /** Units of time, which articles write as "a year" or "annually" rather than "per year". */
    private static final Set<String> TIME_UNITS = Set.of("year", "annum", "month", "week", "day", "hour", "minute", "second");
    /** The units of time a question may ask a rate in, with the shortenings people type ("per yr", "per hr"). */
    private static final Set<String> TIME_UNITS_TYPED = java.util.stream.Stream.concat(TIME_UNITS.stream(),
            java.util.stream.Stream.of("yr", "yrs", "mo", "wk", "hr", "hrs", "min", "sec")).collect(Collectors.toUnmodifiableSet());
    /**
     * Everyday words for whoever leads a body ("who is the head of the power company", "its boss"), which articles
     * give by the post's title instead ("Uzak Kadyrbaev, general director of Electric Stations").
     */
    private static final Set<String> HEADS = Set.of("head", "heads", "chief", "chiefs", "leader", "leaders", "boss", "bosses");
    /** The titles of posts that lead a body, as articles write them. */
    private static final Pattern LEADING_POST = Pattern.compile("\\b(?:head|chief|director|president|chairm[ae]n|chair"
            + "|chairperson|chairwoman|governor|mayor|minister|rector|dean|principal|manager|ceo|commander|secretary-general"
            + "|leader)s?\\b", Pattern.CASE_INSENSITIVE);
    /** Words that make a title another post: a deputy secretary-general is not the secretary-general. */
    private static final Set<String> RANKS = Set.of("deputy", "vice", "assistant", "former", "acting", "honorary", "ex");
    /** How many words of the owner's name after "of" are taken. */
    private static final int OWNER_WORDS = 4;
    /** How many analysed words from what the question asks about the name of its owner may stand. */
    private static final int OWNER_REACH = 3;
    /** Where a clause ends: a sentence's end, a comma, semicolon, colon, dash or bracket (not a comma in "1,000"). */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;:()\\[\\]\u2013\u2014](?!\\d)|,\\s|\\s-\\s");
    /** A number between "which", "what" or "name (the)" and the noun it counts: the size of the list asked for. */
    private static final Pattern LIST_SIZE = Pattern.compile("\\b(?:which|what|name|list)(?: the)?(?: other)? (\\d{1,2}|"
            + AnswerType.NumberWords.ALTERNATIVES + ") \\p{L}");
    /** How many analysed words after a number the thing it counts may stand ("about 300 local and foreign guests"). */
    private static final int COUNT_REACH = 3;
    /** Words that may follow a number that ends its clause ("number 1,200 in all", "reached 40 so far this year"). */
    private static final Set<String> AFTER_A_SUM = Set.of("all", "total", "altogether", "overall", "so", "far", "now", "last",
            "this", "next", "annually", "yearly", "respectively", "ago", "already", "since", "then");
    /** Words for a group of people, any of which a count of people ("how many people attended") may count. */
    static final Set<String> PEOPLE = Set.of("people", "persons", "individuals", "participants", "attendees", "officials",
            "delegates", "representatives", "guests", "scholars", "experts", "students", "visitors", "tourists", "travellers",
            "travelers", "citizens", "residents", "workers", "employees", "members", "leaders", "journalists", "volunteers",
            "teachers", "athletes", "passengers", "spectators", "pupils", "graduates", "trainees", "staff", "doctors",
            "nurses", "children", "farmers", "engineers", "families", "women", "men", "drivers", "patients", "miners",
            "soldiers", "builders");
    /**
     * Counted words that any group of people answers ("how many people attended" — "300 officials and scholars"), so
     * the count need not name them; as analysed, so that "ppl" is "people".
     */
    private static final Set<String> ANY_PEOPLE = Set.copyOf(new TermAnalyzer().terms(
            "people persons individuals participants attendees"));

    /**
     * The kinds of fact a text writes in forms a pattern knows (a date, a clock time, a distance, a span of time, a
     * share), so that a window holding none besides the question's own cannot answer a question asking for one: "when
     * is the line due to be finished" is not answered by a sentence that only calls for faster construction. Persons,
     * places and bodies are named in too many ways for that.
     */
    private static final Map<AnswerType, String> WRITTEN_ONE_WAY = Map.of(AnswerType.DATE, "date", AnswerType.TIME, "time",
            AnswerType.DISTANCE, "distance", AnswerType.DURATION, "length of time", AnswerType.PROPORTION, "share");

    private WindowRequirements() {}

    /**
     * A part of the question that some retrieved window must hold; {@code words} are the question's words for it,
     * for saying what the articles do not give.
     */
    record Requirement(List<String> words, String declines, Predicate<Evidence> holds) {

        /** Some ({@code any}) or all of a set of the question's terms in the window; none asked holds always. */
        static Requirement terms(List<QuestionTerm> terms, boolean any, String declines) {
            return new Requirement(terms.stream().map(QuestionTerm::word).distinct().toList(), declines, evidence -> {
                Predicate<QuestionTerm> in = t -> evidence.window().contains(t.indexed());
                return terms.isEmpty() || (any ? terms.stream().anyMatch(in) : terms.stream().allMatch(in));
            });
        }

        boolean heldBy(Evidence evidence) {
            return holds.test(evidence);
        }
    }

    /**
     * What some retrieved window must hold, or the question is not answered there: one of its numbers, years and
     * ordinals (requiring every number would decline a question whose numbers come from two sentences, or that
     * asks whether a figure was "more than seven hundred thousand"), and one of its years if it names any (a
     * question about 2019 is not answered by a sentence about 2013 and 2024, however many of its other numbers the
     * sentence has: "trade between the five countries in 2020" is not "the five countries' trade in 2024"), every
     * country it names (Kazakhstan's figures are not Uzbekistan's), what it asks about ("the director of…"), when
     * it asks what something cost, a sum of money (a sentence that a railway was built does not say what it
     * cost), when it asks how many of a thing there are, a count of that thing (a sentence that names "the
     * turbines" without a number does not say how many there are), when it asks for the names of a group, a
     * list, when it asks for the name of something, a name beside its word, when it asks what an abbreviation
     * stands for, the words it is made of, when it asks what someone said,
     * a report of their words, when it asks for a rate, a rate, when it asks for a date, a clock time, a distance,
     * a span of time or a share, one the question does not give itself, and when it asks when something will happen,
     * a date ahead of the report ({@link #datesAhead}).
     */
    static List<Requirement> of(AnalysedQuestion question, TermAnalyzer analyzer, WordMeanings meanings) {
        List<QuestionTerm> terms = question.terms();
        List<QuestionTerm> focus = terms.stream().filter(QuestionTerm::focus).toList();
        Set<String> sizes = listSizes(question.corrected());
        List<Requirement> requirements = new ArrayList<>(List.of(
                numbers(terms.stream().filter(t -> t.indexed().chars().anyMatch(Character::isDigit)
                        && !sizes.contains(t.word().toLowerCase(Locale.ROOT))).toList()),
                years(question),
                countries(question, analyzer),
                asked(question, focus, analyzer),
                asNamed(question, focus, analyzer)));
        AnswerType.MONEY.askingWord(question.corrected()).ifPresent(word -> requirements.add(new Requirement(List.of(word),
                "no passage gives an amount for ", WindowRequirements::paysFor)));
        List<QuestionTerm> things = counted(question);
        if (!things.isEmpty()) {
            Set<String> counted = things.stream().map(QuestionTerm::indexed).collect(Collectors.toSet());
            requirements.add(new Requirement(things.stream().map(QuestionTerm::word).distinct().toList(), "no passage counts the ",
                    e -> counts(analyzer, e.windowText(), counted, words -> meanCounted(things, words, meanings))));
        }
        DefinitionQuestion.of(question.corrected()).flatMap(DefinitionQuestion::abbreviation).ifPresent(abbreviation ->
                requirements.add(new Requirement(List.of(abbreviation), "no passage spells out ",
                        e -> DefinitionQuestion.spellsOut(e.windowText(), abbreviation))));
        QuestionSpeaker.of(question, analyzer).ifPresent(speaker -> requirements.add(new Requirement(speaker.words(),
                "no passage gives the words of ", speaker::heldBy)));
        rate(question, analyzer).ifPresent(requirements::add);
        AnswerType type = AnswerType.of(question.corrected());
        if (type == AnswerType.PROPORTION) {
            Set<String> about = aboutTerms(question);
            requirements.add(new Requirement(List.of(WRITTEN_ONE_WAY.get(type)), "no passage gives the ",
                    e -> e.sentences().stream().anyMatch(sentence -> type.newIn(sentence, question.corrected())
                            && analyzer.terms(sentence).stream().anyMatch(about::contains))));
        } else if (type == AnswerType.DATE && ASKS_PLANNED.matcher(question.corrected().toLowerCase(Locale.ROOT)).find()) {
            Set<String> asked = question.indexedTerms();
            requirements.add(new Requirement(List.of(WRITTEN_ONE_WAY.get(type)), "no passage gives the planned ",
                    e -> plannedIn(e, question.corrected(), asked, analyzer)));
        } else if (WRITTEN_ONE_WAY.containsKey(type)) {
            requirements.add(new Requirement(List.of(WRITTEN_ONE_WAY.get(type)), "no passage gives the ",
                    e -> type.newIn(e.windowText(), question.corrected())));
        }
        AskedName.of(question.corrected()).ifPresent(name -> requirements.add(new Requirement(List.of(name.thing()),
                "no passage gives the name of the ", e -> name.namedIn(e.sentences()))));
        QuestionFocus.listed(question.corrected()).ifPresent(group -> {
            Set<String> members = Set.copyOf(analyzer.terms(group));
            boolean people = PEOPLE.contains(group);
            requirements.add(new Requirement(List.of(group), "no passage lists the ", e -> lists(analyzer, e, members)
                    || people && namesPeople(e.text(), question.corrected())));
        });
        return requirements;
    }

    /**
     * The names the question writes (capitalised words, not countries, numbers, days nor months, which have
     * requirements of their own) that only one of the retrieved articles holds, when they all point to the same one:
     * such a name says which report the question is about, and the window must be of that article, since an answer
     * about the Moinak loan comes from the article that names Moinak, not from a sentence on another loan that has
     * every other word. A name that several retrieved articles hold (a head of state's) or none does not say which
     * one, and names unique to different articles join what two reports give ("the bridge the governor opened in
     * Termez, built by the firm from Samarkand"): neither asks anything of the window here.
     */
    static Requirement namedByArticle(AnalysedQuestion question, List<Evidence> evidence, KnowledgeIndex index) {
        Set<Article> articles = new LinkedHashSet<>();
        evidence.forEach(e -> articles.add(e.passage().chunk().article()));
        Map<QuestionTerm, Article> onlyIn = new LinkedHashMap<>();
        for (QuestionTerm name : question.terms()) {
            if (!name.salient() || !name.matched() || name.country() || name.indexed().chars().anyMatch(Character::isDigit)
                    || MeaningMatches.TIMES.contains(name.word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<Article> holding = articles.stream().filter(a -> index.articleTerms(a).contains(name.indexed())).toList();
            if (holding.size() == 1) {
                onlyIn.put(name, holding.get(0));
            }
        }
        if (new HashSet<>(onlyIn.values()).size() != 1) {
            return new Requirement(List.of(), "no article names ", e -> true);
        }
        Article named = onlyIn.values().iterator().next();
        return new Requirement(onlyIn.keySet().stream().map(QuestionTerm::word).distinct().toList(), "no article names ",
                e -> e.passage().chunk().article().equals(named));
    }

    /**
     * Whether a sentence of the window dates something the question names ahead of the report ({@link #datesAhead}):
     * the sentence shares a word with the question, or begins with a word that refers back to the sentence before
     * that does ("It is due to open in 2027" after "The new terminal…"). "Trucks will pay a toll from next spring"
     * says nothing of when a bridge will open.
     */
    private static boolean plannedIn(Evidence evidence, String question, Set<String> asked, TermAnalyzer analyzer) {
        List<String> sentences = evidence.sentences();
        java.time.LocalDate dated = evidence.passage().chunk().article().date();
        for (int s = 0; s < sentences.size(); s++) {
            String sentence = sentences.get(s);
            boolean about = analyzer.terms(sentence).stream().anyMatch(asked::contains) || s > 0
                    && REFERS_BACK.matcher(sentence).lookingAt() && analyzer.terms(sentences.get(s - 1)).stream().anyMatch(asked::contains);
            if (about && datesAhead(sentence, question, dated)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence dates something ahead of its report, for a question of when something will happen or was
     * due to: "next year" or "next spring", or a date the question does not give in a sentence that says it is
     * planned or expected ("the ferry is due to start in 2027", "the three halls would be finished by spring 2026",
     * "the second line was expected to follow the next year") or a year after the report's. The day a report was
     * written ("work began on Friday, May 3") says when something started, not when it is to be finished.
     */
    static boolean datesAhead(String sentence, String question, java.time.LocalDate dated) {
        if (NEXT.matcher(sentence).find()) {
            return true;
        }
        return AnswerType.DATE.newIn(sentence, question) && (AHEAD.matcher(sentence).find()
                || dated != null && writtenYears(sentence).stream().anyMatch(year -> Integer.parseInt(year.group()) > dated.getYear()));
    }

    /**
     * The question's terms that say what a share is of or whose it is, for a question that asks for one: all but the
     * words for a share itself. A percentage is a share of something the sentence that gives it names ("the port
     * owns 49 percent of the depot"); "more than 90 percent of the work had been done" is no one's stake in a company.
     */
    private static Set<String> aboutTerms(AnalysedQuestion question) {
        return question.terms().stream().filter(t -> !PARTS.contains(t.word().toLowerCase(Locale.ROOT))
                && !SHARE_WORDS.contains(t.word().toLowerCase(Locale.ROOT))).map(QuestionTerm::indexed)
                .collect(Collectors.toSet());
    }

    /**
     * Whether a sentence of the window gives a sum of money as a price, a cost or a payment ("the project cost 72
     * million US dollars", "a contract worth…", "a loan of…"): not a sum that measures something else, such as a
     * trade flow ("trade through the pass grew to 400 million dollars"), which says nothing of what anything cost.
     */
    private static boolean paysFor(Evidence evidence) {
        return evidence.sentences().stream().anyMatch(WindowRequirements::paid);
    }

    /** Whether a sentence gives a sum of money as a price, a cost or a payment ({@link #paysFor}). */
    static boolean paid(String sentence) {
        for (MatchResult sum : AnswerType.MONEY.occurrences(sentence)) {
            String[] before = sentence.substring(0, sum.start()).strip().split("\\s+");
            String[] after = sentence.substring(sum.end()).strip().split("\\s+");
            String near = String.join(" ", java.util.Arrays.copyOfRange(before, Math.max(0, before.length - PAYMENT_REACH),
                    before.length)) + " " + String.join(" ", java.util.Arrays.copyOfRange(after, 0, Math.min(after.length,
                    PAYMENT_REACH)));
            if (PAYMENT.matcher(near).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a question asks the number of ("the turbines" in "how many turbines does the farm have"), unless any group
     * of people answers it ("how many people attended"); empty when it asks for no count.
     */
    static List<QuestionTerm> counted(AnalysedQuestion question) {
        if (!asksCount(question)) {
            return List.of();
        }
        return question.terms().stream().filter(QuestionTerm::focus)
                .filter(t -> !ANY_PEOPLE.contains(t.term())).toList();
    }

    /** Whether a question asks how many people there were, which a count of any group of people answers. */
    static boolean countsPeople(AnalysedQuestion question) {
        return asksCount(question) && question.terms().stream()
                .anyMatch(t -> t.focus() && ANY_PEOPLE.contains(t.term()));
    }

    private static boolean asksCount(AnalysedQuestion question) {
        return COUNTED.matcher(question.corrected().toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Whether a window counts people under any name, for "how many people…": a number right before a word for a group
     * of people ("300 officials and scholars") or for people by their trade ("a team of 12 archaeologists", "40
     * technicians").
     */
    static boolean countsSomePeople(TermAnalyzer analyzer, Evidence evidence) {
        return evidence.sentences().stream().anyMatch(sentence -> countsNext(analyzer, sentence, token -> {
            String word = token.word().toLowerCase(Locale.ROOT);
            return PEOPLE.contains(word) || PERSON_BY_TRADE.matcher(word).matches();
        }));
    }

    /**
     * Whether a sentence names several people the question does not: "a ceremony attended by Aaly Karashev, the mayor
     * Aitmamat Kadyrbaev and the consul general Song Liqun" lists the officials present without the word.
     */
    static boolean namesPeople(String sentence, String question) {
        Matcher name = PERSON_NAME.matcher(sentence);
        Set<String> named = new HashSet<>();
        while (name.find()) {
            if (!question.contains(name.group())) {
                named.add(name.group());
            }
        }
        return named.size() >= NAMES_OF_A_LIST;
    }

    /**
     * Whether a window lists the members of a group: a sentence that names the group and goes on with "namely",
     * "including", "such as" or a colon, or counts it and goes on after a comma ("two monuments, the madrasah and
     * the mosque"), or is followed by one that begins "These include…" or "They are…", or begins so itself ("They
     * included a memorandum…, a plan… and an agreement…").
     */
    static boolean lists(TermAnalyzer analyzer, Evidence evidence, Set<String> group) {
        List<String> sentences = evidence.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            List<TermAnalyzer.Token> tokens = analyzer.tokens(sentences.get(s));
            for (int i = 0; i < tokens.size(); i++) {
                if (!group.contains(tokens.get(i).term())) {
                    continue;
                }
                int at = sentences.get(s).toLowerCase(Locale.ROOT).indexOf(tokens.get(i).word().toLowerCase(Locale.ROOT));
                // "two monuments, the Amir Tura madrasah … and the Hasan Murad Kushbegi mosque": a counted group and
                // a comma name its members after it
                boolean counted = i > 0 && COUNT.matcher(tokens.get(i - 1).word()).matches() && at >= 0
                        && sentences.get(s).substring(at + tokens.get(i).word().length()).matches("(?s)\\s*[,:].*");
                if (counted || at >= 0 && LIST_FOLLOWS.matcher(sentences.get(s).substring(at)).find()
                        || s + 1 < sentences.size() && LIST_NEXT.matcher(sentences.get(s + 1)).lookingAt()
                        || LIST_NEXT.matcher(sentences.get(s)).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The numbers that say how many things a question asks to be named ("two" in "which two towns", "3" in "name
     * the 3 cities"): the size of the answer, which a list need not write, not a figure the window must hold.
     */
    static Set<String> listSizes(String question) {
        Set<String> sizes = new HashSet<>();
        Matcher matcher = LIST_SIZE.matcher(question.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            sizes.add(matcher.group(1));
        }
        return sizes;
    }

    /**
     * Whether a text gives a number of a counted thing in one clause: right before it ("six committees", "six
     * specialised committees") or at the clause's end, said of it ("the turbines on the farm number 40"), but not
     * "the farm uses turbines from Jiangsu, and 12 buses bring visitors" (another clause), "three institutions to
     * train Chinese teachers" (the number counts institutions) nor a year ("the turbines were installed in 2021").
     */
    static boolean counts(TermAnalyzer analyzer, String text, Set<String> counted) {
        return counts(analyzer, text, counted, words -> false);
    }

    /**
     * As {@link #counts(TermAnalyzer, String, Set)}, or with a number right before words that mean the counted
     * thing ({@code meansCounted}, asked of the few words after each number): "4,500 Chinese-invested enterprises"
     * for "how many companies".
     */
    static boolean counts(TermAnalyzer analyzer, String text, Set<String> counted, Predicate<List<String>> meansCounted) {
        for (String clause : CLAUSE_BREAK.split(text)) {
            List<TermAnalyzer.Token> tokens = analyzer.tokens(clause);
            for (int i = 0; i < tokens.size(); i++) {
                if (!COUNT.matcher(tokens.get(i).word()).matches()) {
                    continue;
                }
                List<TermAnalyzer.Token> after = tokens.subList(i + 1, Math.min(tokens.size(), i + 1 + COUNT_REACH));
                // a number that ends its clause is said of the clause's subject: "the pairs of sister cities have
                // exceeded 100", "the turbines on the farm number 40"
                boolean bare = tokens.subList(i + 1, tokens.size()).stream().map(t -> t.word().toLowerCase(Locale.ROOT))
                        .allMatch(w -> COUNT.matcher(w).matches() || TIME_UNITS.contains(w) || AFTER_A_SUM.contains(w));
                List<TermAnalyzer.Token> before = bare ? tokens.subList(0, i) : List.of();
                List<String> afterWords = after.stream().map(TermAnalyzer.Token::word)
                        .filter(w -> !COUNT.matcher(w).matches()).toList();
                if (after.stream().anyMatch(t -> counted.contains(t.term()))
                        || before.stream().anyMatch(t -> counted.contains(t.term()))
                        || !afterWords.isEmpty() && meansCounted.test(afterWords)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether some of {@code words} mean what the question counts ({@code things}), written otherwise. */
    static boolean meanCounted(List<QuestionTerm> things, List<String> words, WordMeanings meanings) {
        return things.stream().anyMatch(t -> meanings.anyAlike(t.word(), words));
    }

    /**
     * Whether a sentence puts a number right before what a question counts: "about
     * 126,000 visitors came" for "how many visitors", "a 40-turbine farm" for "how many turbines", but not "40 buses
     * brought visitors", whose number counts something else (nor a year: "in 2021 visitors came"). {@code counted}
     * says which words name what is counted.
     */
    static boolean countsNext(TermAnalyzer analyzer, String sentence, Predicate<TermAnalyzer.Token> counted) {
        for (String clause : CLAUSE_BREAK.split(sentence)) {
            List<TermAnalyzer.Token> tokens = analyzer.tokens(clause);
            for (int i = 0; i < tokens.size(); i++) {
                if (!COUNT.matcher(tokens.get(i).word()).matches() || counted.test(tokens.get(i))) {
                    continue;
                }
                for (int j = i + 1; j < Math.min(tokens.size(), i + 1 + COUNT_REACH); j++) {
                    if (counted.test(tokens.get(j))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * When a question asks for a rate, a rate the window gives: for "the interest rate", "the growth rate" or "at
     * what rate", a percentage or a fraction, which is how articles give one ("an average of 8.6 percent a year");
     * for a price or amount "per kWh" or "per tonne", that unit (a sum for the whole line does not say what a
     * kilowatt-hour costs). A time unit after "per" is left out: articles write "a year" and "annually".
     */
    private static Optional<Requirement> rate(AnalysedQuestion question, TermAnalyzer analyzer) {
        String lower = question.corrected().toLowerCase(Locale.ROOT);
        Matcher per = PER_UNIT.matcher(lower);
        if (per.find() && !TIME_UNITS_TYPED.contains(per.group(1))) {
            List<String> unit = analyzer.terms(per.group(1));
            Pattern perUnit = perUnit(per.group(1));
            return unit.isEmpty() ? Optional.empty() : Optional.of(new Requirement(List.of("per " + per.group(1)),
                    "no passage gives a rate ", e -> e.window().containsAll(unit) && perUnit.matcher(e.windowText()).find()));
        }
        if (RATE.matcher(lower).find()) {
            Matcher kind = RATE_OF.matcher(lower);
            Set<String> kinds = kind.find() ? Set.copyOf(analyzer.terms(kind.group(1))) : Set.of();
            return Optional.of(new Requirement(List.of("rate"), "no passage gives the ",
                    e -> e.sentences().stream().anyMatch(sentence -> givesRate(sentence, kinds, analyzer))));
        }
        return Optional.empty();
    }

    /**
     * Whether a sentence gives a rate: a percentage or a fraction said to be one, with the word "rate", the kind of
     * rate the question names ("interest", "growth", "poverty") or a unit of time ("a year", "annual"). A percentage
     * in a sentence about something else ("the dam is more than 90 percent complete") is no interest rate.
     */
    static boolean givesRate(String sentence, Set<String> kinds, TermAnalyzer analyzer) {
        return AnswerType.PROPORTION.foundIn(sentence) && (RATE.matcher(sentence.toLowerCase(Locale.ROOT)).find()
                || PER_TIME.matcher(sentence).find() || analyzer.terms(sentence).stream().anyMatch(kinds::contains));
    }

    /**
     * A unit as a rate writes it: after "per", "a", "an", "each" or a slash, in either spelling and number ("per cubic
     * metre", "a tonne", "/kWh"), not a quantity in that unit ("50 cubic meters of water a second" gives no price per
     * cubic meter).
     */
    private static Pattern perUnit(String unit) {
        StringBuilder written = new StringBuilder("(?:\\b(?:per|a|an|each|every)\\s+|/\\s*)");
        String[] words = unit.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            written.append(i > 0 ? "\\s+" : "").append(Pattern.quote(word.substring(0, Math.min(3, word.length())))).append("\\p{L}*");
        }
        return Pattern.compile(written.toString(), Pattern.CASE_INSENSITIVE);
    }

    /**
     * What the question asks about, in the window: each focus word, or for a word that names a part of a whole
     * ("the ownership shares of…", "its stake") a percentage or a fraction, which is how articles give one ("holds
     * 60 percent"), for a word for how much there is ("the sulphur content") a number, and for a word for what
     * something is worth ("the value of the imports") a sum of money.
     */
    private static Requirement asked(AnalysedQuestion question, List<QuestionTerm> focus, TermAnalyzer analyzer) {
        // read from the question once, not for every window judged
        Map<QuestionTerm, Set<String>> beside = new java.util.IdentityHashMap<>();
        focus.forEach(t -> beside.put(t, companions(question, t)));
        Set<String> years = yearTerms(question);
        boolean peopleCounted = countsPeople(question);
        return new Requirement(focus.stream().map(QuestionTerm::word).distinct().toList(), "no passage gives the ",
                evidence -> focus.stream().allMatch(t -> peopleCounted && ANY_PEOPLE.contains(t.term())
                            ? countsSomePeople(analyzer, evidence)
                            : (evidence.window().contains(t.indexed())
                        || HEADS.contains(t.word().toLowerCase(Locale.ROOT)) && LEADING_POST.matcher(evidence.windowText()).find()
                        || PARTS.contains(t.word().toLowerCase(Locale.ROOT)) && AnswerType.PROPORTION.foundIn(evidence.windowText())
                        || MEASURES.contains(t.word().toLowerCase(Locale.ROOT))
                            && measured(evidence, AnswerType.NUMBER, beside.get(t), years, analyzer)
                        || WORTH.contains(t.word().toLowerCase(Locale.ROOT))
                            && measured(evidence, AnswerType.MONEY, beside.get(t), years, analyzer))));
    }

    /**
     * The question's words beside a word for how much there is, which say what is measured: "trade" of "the trade
     * volume", "sulfur" of "the sulfur content in diesel", "imports" of "the value of its imports" (the nearest word
     * before it, and after it when "of" follows it, that is not a country or a number).
     */
    private static Set<String> companions(AnalysedQuestion question, QuestionTerm measure) {
        List<QuestionTerm> terms = question.terms().stream()
                .filter(t -> t == measure || !t.country() && t.indexed().chars().noneMatch(Character::isDigit)).toList();
        int at = terms.indexOf(measure);
        Set<String> beside = new HashSet<>();
        if (at > 0) {
            beside.add(terms.get(at - 1).indexed());
        }
        boolean of = Pattern.compile("\\b" + Pattern.quote(measure.word()) + " of\\b", Pattern.CASE_INSENSITIVE)
                .matcher(question.corrected()).find();
        if (of && at >= 0 && at + 1 < terms.size()) {
            beside.add(terms.get(at + 1).indexed());
        }
        return beside;
    }

    /**
     * Whether a sentence of the window gives an amount of the kind asked together with a word that says what is
     * measured (or is of a report whose title has that word), and not for another year than the one asked:
     * "imports of Turkmen gas worth 9.3 billion dollars" for the value of the imports, not a building's floor area
     * in a report that also mentions trade, nor 2023's trade for 2024's.
     */
    private static boolean measured(Evidence evidence, AnswerType amount, Set<String> companions, Set<String> years,
                                    TermAnalyzer analyzer) {
        // the title names what the whole report is about: "the value of the Navoi plant" and "the plant cost…"
        boolean titled = analyzer.terms(evidence.passage().chunk().article().title()).stream().anyMatch(companions::contains);
        for (String sentence : evidence.sentences()) {
            if (amount.foundIn(sentence) && (companions.isEmpty() || titled
                    || analyzer.terms(sentence).stream().anyMatch(companions::contains)) && !otherYear(sentence, years)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sentence names years, none of them one of {@code years} (which the question names; none: false). */
    private static boolean otherYear(String sentence, Set<String> years) {
        if (years.isEmpty()) {
            return false;
        }
        List<MatchResult> written = writtenYears(sentence);
        return !written.isEmpty() && written.stream().noneMatch(year -> years.contains(year.group()));
    }

    /** The years a sentence writes, where it writes them. */
    private static List<MatchResult> writtenYears(String sentence) {
        return WRITTEN_YEAR.matcher(sentence).results().toList();
    }

    /**
     * What the question asks about, named in the window as the question names it: without a rank the question does
     * not give ("the secretary-general" is not answered by "the deputy secretary-general", nor "the chairman" by "a
     * vice-chairman"), and, when the question says whose it is with a name ("the chairman of the Aral Water Council",
     * "the capital of Brazil"), with that name close by ("Aral Water Council chairman", "the chairman of the Aral
     * Water Council"), not another's ("the chairman of the Steppe Grazing Forum").
     */
    private static Requirement asNamed(AnalysedQuestion question, List<QuestionTerm> focus, TermAnalyzer analyzer) {
        if (focus.isEmpty()) {
            return Requirement.terms(List.of(), false, "");
        }
        List<TermAnalyzer.Token> asked = analyzer.tokens(question.corrected());
        Set<String> ranks = new HashSet<>(RANKS);
        asked.forEach(t -> ranks.remove(t.word().toLowerCase(Locale.ROOT)));
        List<String> thing = focus.stream().map(QuestionTerm::term).toList();
        Optional<List<String>> phrase = owner(question, asked, thing);
        Optional<String> owner = phrase.map(p -> p.get(0));
        List<String> indexed = focus.stream().map(QuestionTerm::indexed).toList();
        List<String> words = new ArrayList<>(List.of(focus.get(0).word()));
        owner.flatMap(o -> question.terms().stream().filter(t -> t.indexed().equals(o)).map(QuestionTerm::word).findFirst())
                .ifPresent(words::add);
        // "its authorized capital": the owner is what the sentence before, or the title, has just named
        Optional<Pattern> possessed = owner.map(o -> Pattern.compile("\\b(?:its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}"
                + Pattern.quote(focus.get(focus.size() - 1).word()) + "\\b", Pattern.CASE_INSENSITIVE));
        // "the Tolqin works": a sentence far below the lead that names it says "the works" or "it"
        Optional<Pattern> refersBack = phrase.flatMap(p -> head(asked, p)).map(head -> Pattern.compile(
                "\\b(?:it|its|they|their|the " + Pattern.quote(head) + ")\\b", Pattern.CASE_INSENSITIVE));
        return new Requirement(words, "no passage names the ", e -> {
            if (refersBack.isPresent() && !e.window().contains(owner.get()) && e.subject().contains(owner.get())
                    && refersBack.get().matcher(e.before() + " " + e.text()).find()) {
                return true; // the report's lead names the owner, and the sentence refers back to it
            }
            if (possessed.isPresent() && e.about(owner.get())) {
                java.util.regex.Matcher its = possessed.get().matcher(e.text());
                while (its.find()) {
                    if (java.util.Arrays.stream(its.group().toLowerCase(Locale.ROOT).split("\\s+")).noneMatch(ranks::contains)) {
                        return true; // "its deputy chairman" is not its chairman
                    }
                }
            }
            List<TermAnalyzer.Token> tokens = analyzer.tokens(e.windowText());
            boolean named = false;
            for (int i = 0; i + indexed.size() <= tokens.size(); i++) {
                if (!spells(tokens, i, indexed)) {
                    continue;
                }
                named = true;
                boolean ranked = i > 0 && ranks.contains(tokens.get(i - 1).word().toLowerCase(Locale.ROOT));
                int from = Math.max(0, i - OWNER_REACH);
                int to = Math.min(tokens.size(), i + indexed.size() + OWNER_REACH);
                // its owner's first name close by, or another word of the owner's name when the first is in the window
                // ("Hospital director Abdurakhmanov" in a report on the Osh City Clinical Hospital)
                if (!ranked && phrase.map(p -> tokens.subList(from, to).stream().anyMatch(t -> t.term().equals(p.get(0))
                        || e.about(p.get(0)) && p.contains(t.term()))).orElse(true)) {
                    return true;
                }
            }
            return !named; // named apart or in the title alone: the focus requirement judges that
        });
    }

    /** Whether the tokens from {@code at} on are {@code terms}, in order. */
    private static boolean spells(List<TermAnalyzer.Token> tokens, int at, List<String> terms) {
        return tokens.subList(at, at + terms.size()).stream().map(TermAnalyzer.Token::term).toList().equals(terms);
    }

    /**
     * The word after the owner's name in the question, which says what the owner is ("works" in "the capacity of
     * the Tolqin works"), as typed; empty when the name ends the question.
     */
    private static Optional<String> head(List<TermAnalyzer.Token> asked, List<String> phrase) {
        for (int i = 0; i + phrase.size() < asked.size(); i++) {
            if (spells(asked, i, phrase)) {
                String head = asked.get(i + phrase.size()).word().toLowerCase(Locale.ROOT);
                return head.chars().allMatch(Character::isLetter) ? Optional.of(head) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The name that says whose the asked-for thing is: the question's terms after it when the question joins them
     * with "of", as long as they are names and not numbers ("Aral", "Water", "Council" in "the chairman of the Aral
     * Water Council"); empty otherwise.
     */
    private static Optional<List<String>> owner(AnalysedQuestion question, List<TermAnalyzer.Token> asked, List<String> thing) {
        String lower = question.corrected().toLowerCase(Locale.ROOT);
        for (int i = 0; i + thing.size() < asked.size(); i++) {
            if (spells(asked, i, thing)) {
                TermAnalyzer.Token last = asked.get(i + thing.size() - 1);
                TermAnalyzer.Token next = asked.get(i + thing.size());
                Pattern of = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(last.word().toLowerCase(Locale.ROOT))
                        + "\\s+of\\s+(?:the\\s+)?" + Pattern.quote(next.word().toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
                if (!of.matcher(lower).find()) {
                    return Optional.empty();
                }
                List<String> phrase = new ArrayList<>();
                for (int j = i + thing.size(); j < asked.size() && phrase.size() < OWNER_WORDS; j++) {
                    String term = asked.get(j).term();
                    Optional<String> name = question.terms().stream().filter(t -> t.term().equals(term))
                            .filter(t -> t.salient() && t.indexed().chars().noneMatch(Character::isDigit))
                            .map(QuestionTerm::indexed).findFirst();
                    if (name.isEmpty()) {
                        break;
                    }
                    phrase.add(name.get());
                }
                return phrase.isEmpty() ? Optional.empty() : Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /**
     * One of the years a question names, if it names any: in the sentence, or, when the sentence names no year at
     * all, in its neighbours or its article's title or date ("The same day, Premier Li received him" in a report of
     * that day). A sentence that gives a figure for 2023 does not give 2024's, though the report is dated 2024.
     */
    static Requirement years(AnalysedQuestion question) {
        List<QuestionTerm> years = yearsOf(question);
        Set<String> asked = years.stream().map(QuestionTerm::indexed).collect(Collectors.toSet());
        boolean whatHappened = ASKS_PAST.matcher(question.corrected()).find() && !TARGET_YEAR.matcher(question.corrected()).find();
        return new Requirement(years.stream().map(QuestionTerm::word).distinct().toList(), "no passage gives ", evidence -> {
            if (asked.isEmpty()) {
                return true;
            }
            Matcher written = WRITTEN_YEAR.matcher(evidence.text());
            if (!written.find()) {
                OptionalInt meant = yearMeant(evidence.text(), evidence.passage().chunk().article().date());
                if (meant.isPresent()) {
                    return asked.contains(Integer.toString(meant.getAsInt()));
                }
                // a neighbour that gives the year only as a forecast ("expected to reach … by 2020") does not say
                // what happened in it
                return asked.stream().anyMatch(evidence.window()::contains) && !(whatHappened
                        && evidence.sentences().stream().anyMatch(other -> onlyForecast(other, asked))
                        && evidence.sentences().stream().noneMatch(other -> !onlyForecast(other, asked) && writes(other, asked))
                        && !datedIn(evidence, asked));
            }
            return !otherYear(evidence.text(), asked) && !(whatHappened && onlyForecast(evidence.text(), asked));
        });
    }

    /** Whether a sentence writes one of the years. */
    private static boolean writes(String sentence, Set<String> years) {
        return writtenYears(sentence).stream().anyMatch(year -> years.contains(year.group()));
    }

    /** Whether the window's article is dated in, or titled with, one of the years. */
    private static boolean datedIn(Evidence evidence, Set<String> years) {
        Article article = evidence.passage().chunk().article();
        return article.date() != null && years.contains(Integer.toString(article.date().getYear()))
                || writes(article.title(), years);
    }

    /**
     * Whether a sentence gives the asked years only as a target it forecasts ("exports are expected to reach 65
     * billion cubic metres a year by 2020"), which does not say what happened in that year.
     */
    static boolean onlyForecast(String sentence, Set<String> years) {
        if (!FORECAST.matcher(sentence).find()) {
            return false;
        }
        Set<Integer> targets = TARGET_YEAR.matcher(sentence).results().map(target -> target.start(1)).collect(Collectors.toSet());
        List<MatchResult> asked = writtenYears(sentence).stream().filter(year -> years.contains(year.group())).toList();
        return !asked.isEmpty() && asked.stream().allMatch(year -> targets.contains(year.start()));
    }

    /**
     * One of the question's numbers, years and ordinals in the window, or a year it names that the sentence means by
     * "last year" or "next year" ({@link #yearMeant}); none asked holds always.
     */
    private static Requirement numbers(List<QuestionTerm> numbers) {
        Requirement written = Requirement.terms(numbers, true, "no passage gives ");
        Set<String> years = numbers.stream().map(QuestionTerm::indexed).filter(t -> YEAR.matcher(t).matches())
                .collect(Collectors.toSet());
        return new Requirement(written.words(), written.declines(), evidence -> written.heldBy(evidence)
                || !years.isEmpty() && yearMeant(evidence.text(), evidence.passage().chunk().article().date())
                        .stream().mapToObj(Integer::toString).anyMatch(years::contains));
    }

    /**
     * The year a sentence that writes none means by "last year", "this year" or "next year", counted from its
     * article's date: "trade hit a record $8 billion last year" in a report of September 2022 is about 2021, so it
     * answers a question about 2021 and not one about 2022. Empty when it says none of them or the article is undated.
     */
    static OptionalInt yearMeant(String sentence, java.time.LocalDate dated) {
        Matcher relative = RELATIVE_YEAR.matcher(sentence);
        if (dated == null || !relative.find()) {
            return OptionalInt.empty();
        }
        String said = relative.group().toLowerCase(Locale.ROOT);
        int shift = said.startsWith("this") ? 0 : said.startsWith("next") ? 1 : -1;
        return OptionalInt.of(dated.getYear() + shift);
    }

    /** The years a question names, as the knowledge spells them. */
    static Set<String> yearTerms(AnalysedQuestion question) {
        return yearsOf(question).stream().map(QuestionTerm::indexed).collect(Collectors.toSet());
    }

    private static List<QuestionTerm> yearsOf(AnalysedQuestion question) {
        return question.terms().stream().filter(t -> YEAR.matcher(t.indexed()).matches()).toList();
    }

    /**
     * Every country the question names, in the window, or in its article's lead when the sentence names no other
     * country: the lead says where the whole report is ("a glass works … in Kazakhstan's Turan region" for "its
     * main product is float glass"), but not for a sentence about somewhere else ("Uzbekistan's poverty rate…").
     */
    static Requirement countries(AnalysedQuestion question, TermAnalyzer analyzer) {
        List<QuestionTerm> countries = question.terms().stream().filter(QuestionTerm::country).toList();
        Set<String> asked = countries.stream().map(QuestionTerm::indexed).collect(Collectors.toSet());
        return new Requirement(countries.stream().map(QuestionTerm::word).distinct().toList(), "no passage is about ", evidence -> {
            if (countries.stream().allMatch(t -> evidence.window().contains(t.indexed()))) {
                return true;
            }
            return countries.stream().allMatch(t -> evidence.about(t.indexed())) && analyzer.terms(evidence.text()).stream()
                    .noneMatch(term -> analyzer.namesCountry(term) && !asked.contains(term));
        });
    }
}
