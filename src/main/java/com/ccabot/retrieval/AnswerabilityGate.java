package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether the passages retrieved for a question answer it, so the bot declines instead of answering from
 * the nearest passage. It judges the place the answer would come from, not the knowledge as a whole: the
 * question's distinctive content (its names, numbers and years, and what it asks about: a population, a price, a
 * chair) must be found in the window around the best sentences. The decision is a learned {@link LogisticModel}
 * over those coverages, the sentence-choice score and closeness in meaning; a verdict that declines names the
 * words of the question the best window lacks.
 */
public final class AnswerabilityGate {

    /** The features of a question and its best evidence, in the order the model's weights are in. */
    public static final List<String> FEATURES = List.of("best_choice", "window_coverage", "names_missing",
            "corpus_coverage", "unknown_share", "best_similarity", "best_sentence_similarity", "missing_rarest", "question_length");
    /**
     * The direction each feature pushes, held in fitting ({@link LogisticModel#fit(List, double[][], boolean[], double, int[])}):
     * closeness and coverage speak for answering; missing names, unknown words and a rare word of the question absent
     * from the window speak against; a question's length either way.
     */
    public static final int[] SIGNS = {1, 1, -1, 1, -1, 1, 1, -1, 0};

    /** Missing names and numbers past this many say no more. */
    private static final int MANY_NAMES = 3;
    /** Content words past this many make a question no longer. */
    private static final int LONG_QUESTION = 8;
    private static final double LOGIT_LIMIT = 10;
    /** A pronoun that stands for something said before. */
    private static final Pattern POINTS_BACK = Pattern.compile("\\b(?:it|its|they|them|their|he|him|his|she|her|these|those)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A question that asks for a count of something. */
    private static final Pattern COUNTED = Pattern.compile("\\bhow many\\b");
    /** A count as a text writes it: digits that are not a year, or a number word. */
    private static final Pattern COUNT = Pattern.compile("(?!(?:19|20)\\d\\d$)\\d[\\d,.]*|(?i)(one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
            + "|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|both)");
    /** What introduces the members of a group within its sentence. */
    private static final Pattern LIST_FOLLOWS = Pattern.compile("^[^.;]{0,60}?(?:\\bnamely\\b|\\binclud(?:e|es|ed|ing)\\b"
            + "|\\bsuch as\\b|\\bcomprising\\b|\\bconsist(?:s|ed|ing)? of\\b|:)", Pattern.CASE_INSENSITIVE);
    /** A sentence that goes on to name the members of the group the one before names. */
    private static final Pattern LIST_NEXT = Pattern.compile("\\s*(?:these|they|the \\p{L}+) (?:include|are|were|comprise)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that make a title another post: a deputy secretary-general is not the secretary-general. */
    private static final Set<String> RANKS = Set.of("deputy", "vice", "assistant", "former", "acting", "honorary", "ex");
    /** How many analysed words from what the question asks about the name of its owner may stand. */
    private static final int OWNER_REACH = 3;
    /** Where a clause ends: a sentence's end, a comma, semicolon, colon, dash or bracket (not a comma in "1,000"). */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;:()\\[\\]\u2013\u2014](?!\\d)|,\\s|\\s-\\s");
    /**
     * Counted words that any group of people answers ("how many people attended" — "300 officials and scholars"), so
     * the count need not name them.
     */
    private static final Set<String> ANY_PEOPLE = Set.of("people", "persons", "individuals", "participants", "attendees");

    private final LogisticModel model;
    private final double minSimilarity;
    private final double minCoverage;

    /** A gate that the model alone decides. */
    public AnswerabilityGate(LogisticModel model) {
        this(model, 0, 0);
    }

    /**
     * @param minSimilarity an operator's floor: the least similarity of the best passage, whatever the model says
     * @param minCoverage   an operator's floor: the least share of the question's words in the best window
     */
    public AnswerabilityGate(LogisticModel model, double minSimilarity, double minCoverage) {
        if (minSimilarity < 0 || minSimilarity > 1 || minCoverage < 0 || minCoverage > 1) {
            throw new IllegalArgumentException("gate floors must be between 0 and 1");
        }
        if (!model.features().equals(FEATURES)) {
            throw new IllegalArgumentException("the answerability model has features " + model.features()
                    + ", expected " + FEATURES);
        }
        this.model = model;
        this.minSimilarity = minSimilarity;
        this.minCoverage = minCoverage;
    }

    /**
     * A part of the question that some retrieved window must hold; {@code words} are the question's words for it,
     * for saying what the articles do not give.
     */
    private record Requirement(List<String> words, String declines, Predicate<Evidence> holds) {

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
     * ordinals (a question about 2019 is not answered by a sentence about 2013 and 2024; requiring every number
     * would decline a question whose numbers come from two sentences), every country it names (Kazakhstan's
     * figures are not Uzbekistan's), what it asks about ("the director of…"), when it asks what something
     * cost, a sum of money (a sentence that a railway was built does not say what it cost), and when it asks how
     * many of a thing there are, a count of that thing (a sentence that names "Luban Workshops" without a number
     * does not say how many there are), when it asks for the names of a group, a list, and when it asks what an
     * abbreviation stands for, the words it is made of.
     */
    private static List<Requirement> requirements(AnalysedQuestion question, TermAnalyzer analyzer) {
        List<QuestionTerm> terms = question.terms();
        List<QuestionTerm> focus = terms.stream().filter(QuestionTerm::focus).toList();
        List<Requirement> requirements = new ArrayList<>(List.of(
                Requirement.terms(terms.stream().filter(t -> t.indexed().chars().anyMatch(Character::isDigit)).toList(), true,
                        "no passage gives "),
                countries(question),
                Requirement.terms(focus, false, "no passage gives the "),
                asNamed(question, focus, analyzer)));
        AnswerType.MONEY.askingWord(question.corrected()).ifPresent(word -> requirements.add(new Requirement(List.of(word),
                "no passage gives an amount for ", e -> AnswerType.MONEY.foundIn(e.before() + " " + e.text() + " " + e.after()))));
        List<QuestionTerm> things = focus.stream().filter(t -> !ANY_PEOPLE.contains(t.word().toLowerCase(Locale.ROOT))).toList();
        if (!things.isEmpty() && COUNTED.matcher(question.corrected().toLowerCase(Locale.ROOT)).find()) {
            Set<String> counted = things.stream().map(QuestionTerm::indexed).collect(Collectors.toSet());
            requirements.add(new Requirement(things.stream().map(QuestionTerm::word).distinct().toList(), "no passage counts the ",
                    e -> counts(analyzer, e.before() + " " + e.text() + " " + e.after(), counted)));
        }
        DefinitionQuestion.of(question.corrected()).flatMap(DefinitionQuestion::abbreviation).ifPresent(abbreviation ->
                requirements.add(new Requirement(List.of(abbreviation), "no passage spells out ", e -> DefinitionQuestion.spellsOut(
                        e.before() + " " + e.text() + " " + e.after(), abbreviation))));
        QuestionFocus.listed(question.corrected()).ifPresent(group -> requirements.add(new Requirement(List.of(group),
                "no passage lists the ", e -> lists(analyzer, e, Set.copyOf(analyzer.terms(group))))));
        return requirements;
    }

    /**
     * Whether a window lists the members of a group: a sentence that names the group and goes on with "namely",
     * "including", "such as" or a colon, or is followed by one that begins "These include…" or "They are…".
     */
    static boolean lists(TermAnalyzer analyzer, Evidence evidence, Set<String> group) {
        String[] sentences = {evidence.before(), evidence.text(), evidence.after()};
        for (int s = 0; s < sentences.length; s++) {
            List<TermAnalyzer.Token> tokens = analyzer.tokens(sentences[s]);
            for (int i = 0; i < tokens.size(); i++) {
                if (!group.contains(tokens.get(i).term())) {
                    continue;
                }
                int at = sentences[s].toLowerCase(Locale.ROOT).indexOf(tokens.get(i).word().toLowerCase(Locale.ROOT));
                if (at >= 0 && LIST_FOLLOWS.matcher(sentences[s].substring(at)).find()
                        || s + 1 < sentences.length && LIST_NEXT.matcher(sentences[s + 1]).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a text gives a number in the same clause as a counted thing: "six committees", "the pairs of sister
     * cities have exceeded 100", but not "the launch of Luban Workshops in Central Asia, with 2 million visits" (a
     * year is no count).
     */
    static boolean counts(TermAnalyzer analyzer, String text, Set<String> counted) {
        for (String clause : CLAUSE_BREAK.split(text)) {
            List<TermAnalyzer.Token> tokens = analyzer.tokens(clause);
            if (tokens.stream().anyMatch(t -> counted.contains(t.term()))
                    && tokens.stream().anyMatch(t -> COUNT.matcher(t.word()).matches())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the question asks about, named in the window as the question names it: without a rank the question does
     * not give ("the secretary-general" is not answered by "the deputy secretary-general", nor "the chairman" by "a
     * vice-chairman"), and, when the question says whose it is with a name ("the secretary-general of the SCO", "the
     * capital of Brazil"), with that name close by ("SCO Secretary-General", "the secretary-general of the SCO"), not
     * another's ("the secretary-general of the Secretariat").
     */
    private static Requirement asNamed(AnalysedQuestion question, List<QuestionTerm> focus, TermAnalyzer analyzer) {
        if (focus.isEmpty()) {
            return Requirement.terms(List.of(), false, "");
        }
        List<TermAnalyzer.Token> asked = analyzer.tokens(question.corrected());
        Set<String> ranks = new HashSet<>(RANKS);
        asked.forEach(t -> ranks.remove(t.word().toLowerCase(Locale.ROOT)));
        List<String> thing = focus.stream().map(QuestionTerm::term).toList();
        Optional<String> owner = owner(question, asked, thing);
        List<String> indexed = focus.stream().map(QuestionTerm::indexed).toList();
        List<String> words = new ArrayList<>(List.of(focus.get(0).word()));
        owner.flatMap(o -> question.terms().stream().filter(t -> t.indexed().equals(o)).map(QuestionTerm::word).findFirst())
                .ifPresent(words::add);
        return new Requirement(words, "no passage names the ", e -> {
            List<TermAnalyzer.Token> tokens = analyzer.tokens(e.before() + " " + e.text() + " " + e.after());
            boolean named = false;
            for (int i = 0; i + indexed.size() <= tokens.size(); i++) {
                if (!tokens.subList(i, i + indexed.size()).stream().map(TermAnalyzer.Token::term).toList().equals(indexed)) {
                    continue;
                }
                named = true;
                boolean ranked = i > 0 && ranks.contains(tokens.get(i - 1).word().toLowerCase(Locale.ROOT));
                int from = Math.max(0, i - OWNER_REACH);
                int to = Math.min(tokens.size(), i + indexed.size() + OWNER_REACH);
                if (!ranked && owner.map(o -> tokens.subList(from, to).stream().anyMatch(t -> t.term().equals(o))).orElse(true)) {
                    return true;
                }
            }
            return !named; // named apart or in the title alone: the focus requirement judges that
        });
    }

    /**
     * The name that says whose the asked-for thing is: the question's next term after it when the question joins
     * them with "of" and that term is a name and not a number ("SCO" in "the secretary-general of the SCO"); empty
     * otherwise.
     */
    private static Optional<String> owner(AnalysedQuestion question, List<TermAnalyzer.Token> asked, List<String> thing) {
        String lower = question.corrected().toLowerCase(Locale.ROOT);
        for (int i = 0; i + thing.size() < asked.size(); i++) {
            if (asked.subList(i, i + thing.size()).stream().map(TermAnalyzer.Token::term).toList().equals(thing)) {
                TermAnalyzer.Token last = asked.get(i + thing.size() - 1);
                TermAnalyzer.Token next = asked.get(i + thing.size());
                Pattern of = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(last.word().toLowerCase(Locale.ROOT))
                        + "\\s+of\\s+(?:the\\s+)?" + Pattern.quote(next.word().toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
                if (!of.matcher(lower).find()) {
                    return Optional.empty();
                }
                return question.terms().stream().filter(t -> t.term().equals(next.term()))
                        .filter(t -> t.salient() && t.indexed().chars().noneMatch(Character::isDigit))
                        .map(QuestionTerm::indexed).findFirst();
            }
        }
        return Optional.empty();
    }

    private static Requirement countries(AnalysedQuestion question) {
        return Requirement.terms(question.terms().stream().filter(QuestionTerm::country).toList(), false, "no passage is about ");
    }

    public LogisticModel model() {
        return model;
    }

    public RelevanceVerdict judge(AnalysedQuestion question, List<Passage> passages, List<Evidence> evidence,
                                  EvidenceRanker ranker, KnowledgeIndex index) {
        double best = passages.stream().mapToDouble(Passage::similarity).max().orElse(0);
        double coverage = question.coverage();
        if (question.isEmpty() || evidence.isEmpty()) {
            return new RelevanceVerdict(false, best, coverage, "no content words to search for", List.of(), 0);
        }
        if (question.terms().stream().noneMatch(QuestionTerm::matched)) {
            // not one word of the question is in any article, even corrected: "How tall is Mount Everest?"
            List<String> words = question.terms().stream().map(QuestionTerm::word).distinct().toList();
            return new RelevanceVerdict(false, best, coverage, "no article mentions " + String.join(", ", words), words, 0);
        }
        List<Requirement> requirements = requirements(question, index.analyzer());
        for (Requirement requirement : requirements) {
            if (evidence.stream().noneMatch(requirement::heldBy)) {
                List<String> words = requirement.words();
                return new RelevanceVerdict(false, best, coverage, requirement.declines() + String.join(", ", words), words, 0);
            }
        }
        Optional<List<Evidence>> judged = judged(requirements, evidence);
        if (judged.isEmpty()) {
            List<String> words = requirements.stream().flatMap(r -> r.words().stream()).distinct().toList();
            return new RelevanceVerdict(false, best, coverage, "no one passage gives " + String.join(", ", words), words,
                    0, true);
        }
        List<Evidence> holding = judged.get();
        double[] x = features(question, passages, holding, ranker, index);
        double probability = model.probability(x);
        List<String> missing = missing(question, holding.get(0).window());
        double windowCoverage = x[FEATURES.indexOf("window_coverage")];
        if (best < minSimilarity || windowCoverage < minCoverage) {
            return new RelevanceVerdict(false, best, coverage, "below the configured floor (similarity %.2f, coverage %.2f)"
                    .formatted(best, windowCoverage), missing, probability);
        }
        if (probability >= model.threshold()) {
            return new RelevanceVerdict(true, best, coverage, "answerable (%.2f)".formatted(probability), missing, probability);
        }
        if (missing.isEmpty() && question.terms().stream().anyMatch(QuestionTerm::rare)) {
            // a keyword query ("luban workshops") is far in meaning from any sentence, so the model alone declines it;
            // a window holding every one of its words, a specific name among them, is about what it asks
            return new RelevanceVerdict(true, best, coverage, "the best window holds every word, a specific name among"
                    + " them (%.2f)".formatted(probability), missing, probability);
        }
        String reason = missing.isEmpty() ? "the best passages do not answer it (%.2f)".formatted(probability)
                : "the best passages lack " + String.join(", ", missing) + " (%.2f)".formatted(probability);
        return new RelevanceVerdict(false, best, coverage, reason, missing, probability);
    }

    /**
     * Declines a question asked on its own whose subject is only a pronoun ("and who unveiled them?" with nothing
     * before it): what it asks about is in a question not asked. Asked as a follow-up, it is judged with the question
     * before it instead.
     */
    public static RelevanceVerdict standingAlone(AnalysedQuestion question, RelevanceVerdict verdict) {
        Matcher pointing = POINTS_BACK.matcher(question.corrected());
        if (!verdict.relevant() || question.terms().size() > 1 || question.terms().stream().anyMatch(QuestionTerm::salient)
                || !pointing.find()) {
            return verdict;
        }
        return new RelevanceVerdict(false, verdict.bestSimilarity(), verdict.coverage(),
                "it points back to something not said", List.of(pointing.group()), verdict.probability());
    }

    /**
     * The windows the model judges: those that meet every requirement at once, since an answer comes from one place
     * (a window with the question's country and another with what it asks about do not make an answer); empty when
     * no window does, and the question is declined before the model.
     */
    private static Optional<List<Evidence>> judged(List<Requirement> requirements, List<Evidence> evidence) {
        List<Evidence> holding = evidence.stream().filter(e -> requirements.stream().allMatch(r -> r.heldBy(e))).toList();
        return holding.isEmpty() ? Optional.empty() : Optional.of(holding);
    }

    /**
     * The sentences in the order an answer takes them: the windows that name every country the question names
     * first, then the rest, each group best first, so that a question about Kazakhstan is not answered with a
     * closer-sounding sentence about Uzbekistan. (Numbers are not used so: "the two centres" is incidental more
     * often than it is what a sentence must hold.)
     */
    public static List<Evidence> countriesFirst(AnalysedQuestion question, List<Evidence> evidence) {
        Requirement countries = countries(question);
        List<Evidence> holding = evidence.stream().filter(countries::heldBy).toList();
        if (holding.isEmpty() || holding.size() == evidence.size()) {
            return evidence;
        }
        List<Evidence> ordered = new ArrayList<>(holding);
        evidence.stream().filter(e -> !countries.heldBy(e)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** The gate's features, for judging and for fitting the model. */
    public static double[] features(AnalysedQuestion question, List<Passage> passages, List<Evidence> evidence,
                                    EvidenceRanker ranker, KnowledgeIndex index) {
        Set<String> window = evidence.get(0).window();
        double logit = ranker.model().logit(evidence.get(0).features());
        return new double[] {
            Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, logit)),
            question.coverageBy(window),
            Math.min(MANY_NAMES, namesMissing(question, window)) / (double) MANY_NAMES,
            question.coverage(),
            unknownShare(question),
            passages.stream().mapToDouble(Passage::similarity).max().orElse(0),
            evidence.stream().mapToDouble(e -> e.feature("sim_sentence")).max().orElse(0),
            missingRarest(question, window, index),
            // a keyword query of two or three words is less close in meaning to any sentence than a full question
            Math.min(LONG_QUESTION, question.terms().size()) / (double) LONG_QUESTION,
        };
    }

    /**
     * How many of the question's names, numbers, years and ordinals (written so, or rare in the knowledge) the
     * window lacks: "Kazakhstan" when the sentence is about Uzbekistan, "2020" when it gives 2013 and 2024.
     */
    private static long namesMissing(AnalysedQuestion question, Set<String> window) {
        return question.terms().stream().filter(t -> t.salient() || t.rare()).filter(t -> !window.contains(t.indexed())).count();
    }

    /** The IDF-weighted share of the question's terms that no article has, even corrected. */
    private static double unknownShare(AnalysedQuestion question) {
        return question.share(term -> question.terms().stream().anyMatch(t -> t.indexed().equals(term) && !t.matched()));
    }

    /** The rarest question term the window lacks, as a share of the rarity of a term the knowledge lacks (0–1). */
    private static double missingRarest(AnalysedQuestion question, Set<String> window, KnowledgeIndex index) {
        double unseen = index.lexical().idf(0);
        return question.terms().stream().filter(t -> !window.contains(t.indexed()))
                .mapToDouble(t -> Math.min(1, t.idf() / unseen)).max().orElse(0);
    }

    /** The words of the question, as typed, that the window lacks. */
    private static List<String> missing(AnalysedQuestion question, Set<String> window) {
        List<String> words = new ArrayList<>();
        for (QuestionTerm term : question.terms()) {
            if (!window.contains(term.indexed()) && !words.contains(term.word())) {
                words.add(term.word());
            }
        }
        return words;
    }
}
