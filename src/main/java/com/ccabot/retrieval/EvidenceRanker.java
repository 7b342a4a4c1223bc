package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.SentenceFeatures;
import com.ccabot.index.TermAnalyzer;
import com.ccabot.index.WordMeanings;
import com.ccabot.knowledge.Chunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scores every sentence of the retrieved passages as the answer to a question, in its context: the sentence with
 * its neighbours and its article's title, so that "He said attention should go to…" can win for a question that
 * names the speaker only in the sentence before. The score is a learned {@link LogisticModel} over features that
 * say nothing about any particular article: closeness in meaning, the share of the question's words held by the
 * sentence and by its window, whether it holds the kind of fact asked for, whether it adds anything beyond
 * restating the question, and what kind of sentence it is (a caption, a question, a continuation, a line that is
 * not prose: a byline or a credit, which answers only a question about the article itself).
 */
public final class EvidenceRanker {

    /** The features of a sentence, in the order the model's weights are in. */
    public static final List<String> FEATURES = List.of("sim_sentence", "sim_before", "sim_after", "sim_passage",
            "fused_rank", "coverage_sentence", "coverage_window", "coverage_before", "salient_window", "new_content",
            "type_found", "type_missing", "type_before", "type_after", "count_next", "definition", "short", "interrogative", "leans_back", "caption", "caption_asked", "fragment", "fragment_asked", "lead");

    private static final Pattern LEANS_BACK = Pattern.compile(
            "^(?:he|she|they|these|those|this|it|its|their|his|her|such|both|the two|the three|the latter|the former|"
                    + "in addition|also|meanwhile|besides|moreover|furthermore|however|instead|as a result|therefore|thus|in turn)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A caption begins "Photo taken on…" or ends with a photo credit. */
    private static final Pattern PHOTO_FIRST = Pattern.compile("^photo\\b", Pattern.CASE_INSENSITIVE);
    /** A word in lower case: prose has them; a dateline, a byline or a credit line ("LIU XIN/CHINA NEWS") has none. */
    private static final Pattern PROSE = Pattern.compile("(?<!\\p{L})\\p{Ll}{3,}(?!\\p{L})");
    private static final int SHORT_SENTENCE = 40;
    /** Units of measure a question may name, as the analyser reads them. */
    private static final String UNITS = "kilometre kilometres kilometer kilometers km mile miles metre metres meter meters"
            + " square cubic hectare hectares acre acres tonne tonnes ton tons kilogram kilograms megawatt megawatts kilowatt"
            + " kilowatts gigawatt gigawatts kwh mwh gwh teu barrel barrels litre litres liter liters";
    /** {@link #UNITS} as analysed terms. */
    private static final Set<String> UNIT_TERMS = Set.copyOf(new TermAnalyzer().terms(UNITS));
    /** A question for a cause. */
    private static final Pattern ASKS_WHY = Pattern.compile("\\bwhy\\b|\\bfor what reason\\b|\\bhow come\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that give a cause ("since" and "after" more often give a time). */
    private static final Pattern CAUSE = Pattern.compile("\\b(?:because|due to(?! (?:" + AnswerType.Words.DUE_VERBS + ")\\b)"
            + "|owing to|as a result of|caused by|the reason"
            + "|on account of|in order to|so that|in view of)\\b", Pattern.CASE_INSENSITIVE);
    /** How many analysed words from a post's word its holder's name may stand ("ambassador to Kazakhstan, Li Wen"). */
    private static final int HOLDER_REACH = 4;
    /** New words beyond the question's that count fully as "adds something". */
    private static final double NEW_WORDS_SATURATE = 8;

    private final LogisticModel model;

    public EvidenceRanker(LogisticModel model) {
        if (!model.features().equals(FEATURES)) {
            throw new IllegalArgumentException("the sentence-choice model has features " + model.features()
                    + ", expected " + FEATURES);
        }
        this.model = model;
    }

    public LogisticModel model() {
        return model;
    }

    /** The sentences of the passages, each once, best first. */
    public List<Evidence> rank(String question, AnalysedQuestion terms, float[] vector, List<Passage> passages,
                               KnowledgeIndex index) {
        AnswerType type = AnswerType.of(question);
        Optional<DefinitionQuestion> definition = DefinitionQuestion.of(question);
        boolean pictures = MetaQuestion.aboutPictures(question);
        boolean meta = MetaQuestion.aboutTheArticle(question);
        Optional<Predicate<TermAnalyzer.Token>> counted = counted(terms, index.meanings());
        Set<String> questionTerms = terms.indexedTerms();
        Set<String> seen = new HashSet<>();
        List<Evidence> ranked = new ArrayList<>();
        for (Passage passage : passages) {
            Chunk chunk = passage.chunk();
            List<String> article = index.sentencesOf(chunk.article());
            Set<String> lead = article.isEmpty() ? Set.of() : index.sentence(article.get(0)).terms();
            for (int j = 0; j < chunk.sentences().size(); j++) {
                int number = chunk.firstSentence() + j;
                if (!seen.add(chunk.article().file() + "#" + number)) {
                    continue; // chunks overlap by a sentence; the better-ranked passage claims it
                }
                String text = chunk.sentences().get(j);
                String before = number > 0 && number - 1 < article.size() ? article.get(number - 1) : "";
                String after = number + 1 < article.size() ? article.get(number + 1) : "";
                Set<String> window = window(text, before, after, passage, index);
                double[] x = features(question, number, text, before, after, window, passage, terms, vector, questionTerms, counted, type,
                        definition, pictures, meta, index);
                ranked.add(new Evidence(passage, number, text, before, after, window, lead, x, model.probability(x)));
            }
        }
        ranked.sort(Comparator.comparingDouble(Evidence::score).reversed());
        return ranked;
    }

    /**
     * The sentences in the order an answer takes them for a question of "how many": those that put a number right
     * before what it counts ({@code count_next}: "about 12,000 passengers crossed" for "how many passengers…") first, each
     * group in its own order. The model weighs the feature lightly, as few questions of the bank count; but a
     * sentence that says "N X" is the answer to "how many X" whatever else a closer-sounding sentence repeats.
     */
    public static List<Evidence> countingFirst(List<Evidence> ranked) {
        return holdingFirst(ranked, e -> e.feature("count_next") > 0);
    }

    /**
     * The sentences in the order an answer takes them: for a question that names a unit, those with a number in it
     * ({@link #measuredFirst}); then, taking precedence in this order, for a question of how many, of who holds a
     * post, of what something cost or of why, those that give that kind of fact in the way it is asked
     * ({@link #countingFirst}, {@link #namingFirst}, {@link #payingFirst}, {@link #causeFirst}); for a question of
     * someone's words, before all of them the sentences that report that speaker's words
     * ({@link QuestionSpeaker#speaksIn}) with a fact of the kind asked ("how many visitors… according to the
     * minister": his words with a number of visitors), since a report's lead names the speaker among those present
     * and repeats more of the question's words than what the speaker said.
     */
    public static List<Evidence> inAnswerOrder(String question, AnalysedQuestion terms, List<Evidence> ranked,
                                               TermAnalyzer analyzer) {
        List<Evidence> ordered = causeFirst(question, payingFirst(question, namingFirst(question, terms,
                countingFirst(measuredFirst(terms, ranked, analyzer)), analyzer)));
        // the kind of fact asked: a number beside what is counted when some sentence has one, else any new one
        AnswerType type = AnswerType.of(question);
        Predicate<Evidence> kind = ranked.stream().anyMatch(e -> e.feature("count_next") > 0)
                ? e -> e.feature("count_next") > 0 : e -> type.newIn(e.text(), question);
        return QuestionSpeaker.of(terms, analyzer).map(speaker -> holdingFirst(ordered,
                e -> speaker.speaksIn(e) && kind.test(e))).orElse(ordered);
    }

    /**
     * The sentences in the order an answer takes them for a question that names a unit of measure ("ferry terminal
     * size sq m", "how long is the road in km"): those that give a number in that unit ("covers 2,400 square
     * meters") first, each group in its own order; within what a count puts first ({@link #countingFirst}), since
     * "how many tonnes of wheat" asks for tonnes of wheat, not of cement.
     */
    static List<Evidence> measuredFirst(AnalysedQuestion terms, List<Evidence> ranked, TermAnalyzer analyzer) {
        Set<String> units = new HashSet<>(terms.indexedTerms());
        units.retainAll(UNIT_TERMS);
        if (units.isEmpty()) {
            return ranked;
        }
        return holdingFirst(ranked, e -> WindowRequirements.countsNext(analyzer, e.text(), t -> units.contains(t.term())));
    }

    /**
     * The sentences in the order an answer takes them for a question of why ("why was the opening postponed"): those
     * that give a cause ("because of low water on the river", "due to…", "owing to…") first, each group in
     * its own order. The report's lead says what happened in more of the question's words, and not why.
     */
    static List<Evidence> causeFirst(String question, List<Evidence> ranked) {
        if (!ASKS_WHY.matcher(question).find()) {
            return ranked;
        }
        return holdingFirst(ranked, e -> CAUSE.matcher(e.text()).find());
    }

    /**
     * The sentences in the order an answer takes them for a question of what something cost ("how much money went
     * into the plant"): those that give a sum as a cost, a price, an investment or a payment ("Total investment was
     * put at 178 million dollars") first, each group in its own order. A report's lead names the plant and its
     * builder, and repeats more of the question's words than the sentence with the sum.
     */
    static List<Evidence> payingFirst(String question, List<Evidence> ranked) {
        if (AnswerType.MONEY.askingWord(question).isEmpty()) {
            return ranked;
        }
        return holdingFirst(ranked, e -> WindowRequirements.paid(e.text()));
    }

    /**
     * The sentences in the order an answer takes them for a question that asks who holds a post ("which Chinese
     * ambassador attended…", "who is the director of…"): those that put a person's name beside the post's word
     * ("China's ambassador to Kazakhstan, Li Wen, …") first, each group in its own order. A report's lead repeats
     * more of such a question's words than the sentence that names the guests, and names nobody in that post.
     */
    public static List<Evidence> namingFirst(String question, AnalysedQuestion terms, List<Evidence> ranked, TermAnalyzer analyzer) {
        if (AnswerType.of(question) != AnswerType.PERSON) {
            return ranked;
        }
        Set<String> posts = new HashSet<>();
        terms.terms().stream().filter(QuestionTerm::focus).forEach(t -> posts.add(t.indexed()));
        // "which Chinese ambassador…": the post the question's own wording asks for
        AnswerType.PERSON.askingWord(question).map(words -> words.substring(words.lastIndexOf(' ') + 1))
                .filter(word -> !word.startsWith("who")).ifPresent(word -> posts.addAll(analyzer.terms(word)));
        if (posts.isEmpty()) {
            return ranked;
        }
        Set<String> asked = terms.indexedTerms();
        return holdingFirst(ranked, e -> namesHolder(analyzer.tokens(e.text()), posts, asked));
    }

    /** Whether a post's word stands within a few words of a name of two capitalised words the question does not give. */
    static boolean namesHolder(List<TermAnalyzer.Token> tokens, Set<String> posts, Set<String> asked) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!posts.contains(tokens.get(i).term())) {
                continue;
            }
            for (int j = Math.max(0, i - HOLDER_REACH); j + 1 < Math.min(tokens.size(), i + HOLDER_REACH + 2); j++) {
                if (j != i && j + 1 != i && capitalised(tokens.get(j)) && capitalised(tokens.get(j + 1))
                        && !asked.contains(tokens.get(j).term()) && !asked.contains(tokens.get(j + 1).term())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean capitalised(TermAnalyzer.Token token) {
        String word = token.word();
        return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && word.chars().skip(1).anyMatch(Character::isLowerCase);
    }

    /** The sentences that {@code holds} accepts first, then the rest, each group in its order; unchanged when all or none. */
    static List<Evidence> holdingFirst(List<Evidence> ranked, Predicate<Evidence> holds) {
        List<Evidence> holding = ranked.stream().filter(holds).toList();
        if (holding.isEmpty() || holding.size() == ranked.size()) {
            return ranked;
        }
        List<Evidence> ordered = new ArrayList<>(holding);
        ranked.stream().filter(holds.negate()).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** The terms of a sentence's window: itself, its neighbours, its article's title. */
    private static Set<String> window(String text, String before, String after, Passage passage, KnowledgeIndex index) {
        Set<String> window = new HashSet<>(index.sentence(text).terms());
        if (!before.isEmpty()) {
            window.addAll(index.sentence(before).terms());
        }
        if (!after.isEmpty()) {
            window.addAll(index.sentence(after).terms());
        }
        window.addAll(index.titleTerms(passage.chunk().article()));
        return window;
    }

    private static double[] features(String question, int number, String text, String before, String after, Set<String> window,
                                     Passage passage, AnalysedQuestion terms, float[] vector, Set<String> questionTerms, Optional<Predicate<TermAnalyzer.Token>> counted,
                                     AnswerType type, Optional<DefinitionQuestion> definition, boolean pictures,
                                     boolean meta, KnowledgeIndex index) {
        SentenceFeatures sentence = index.sentence(text);
        Optional<SentenceFeatures> previous = before.isEmpty() ? Optional.empty() : Optional.of(index.sentence(before));
        Optional<SentenceFeatures> next = after.isEmpty() ? Optional.empty() : Optional.of(index.sentence(after));
        long newWords = sentence.terms().stream().filter(t -> !questionTerms.contains(t)).count();
        boolean specificType = type != AnswerType.OTHER;
        boolean found = type.newIn(text, question);
        boolean caption = PhotoCredit.endsIn(text) || PHOTO_FIRST.matcher(text.strip()).find();
        boolean prose = PROSE.matcher(text).find();
        return new double[] {
            sentence.similarity(vector),
            previous.map(p -> p.similarity(vector)).orElse(0.0),
            next.map(n -> n.similarity(vector)).orElse(0.0),
            passage.similarity(),
            passage.score(),
            terms.coverageBy(sentence.terms()),
            terms.coverageBy(window),
            previous.map(p -> terms.coverageBy(p.terms())).orElse(0.0),
            salientCoverage(terms, window),
            Math.min(1, newWords / NEW_WORDS_SATURATE),
            specificType && found ? 1 : 0,
            specificType && !found ? 1 : 0,
            specificType && !found && !before.isEmpty() && type.newIn(before, question) ? 1 : 0,
            specificType && !found && !after.isEmpty() && type.newIn(after, question) ? 1 : 0,
            found && counted.isPresent() && WindowRequirements.countsNext(index.analyzer(), text, counted.get()) ? 1 : 0,
            definition.isPresent() && definition.get().describedIn(text) ? 1 : 0,
            text.length() < SHORT_SENTENCE ? 1 : 0,
            text.strip().endsWith("?") ? 1 : 0,
            LEANS_BACK.matcher(text.strip()).find() ? 1 : 0,
            caption ? 1 : 0,
            caption && pictures ? 1 : 0,
            !prose && !meta ? 1 : 0,
            !prose && meta ? 1 : 0,
            number == 0 ? 1 : 0,
        };
    }

    /**
     * Which words of a sentence name what the question asks the number of: its counted words, or for "how many
     * people" any word for a group of people; empty when it asks for no count, so no sentence is searched for one.
     */
    private static Optional<Predicate<TermAnalyzer.Token>> counted(AnalysedQuestion terms, WordMeanings meanings) {
        List<QuestionTerm> counted = WindowRequirements.counted(terms);
        Set<String> things = counted.stream().map(QuestionTerm::indexed).collect(Collectors.toSet());
        boolean people = WindowRequirements.countsPeople(terms);
        if (things.isEmpty() && !people) {
            return Optional.empty();
        }
        return Optional.of(token -> things.contains(token.term())
                || people && WindowRequirements.PEOPLE.contains(token.word().toLowerCase(Locale.ROOT))
                || token.word().chars().allMatch(Character::isLetter)
                        && WindowRequirements.meanCounted(counted, List.of(token.word()), meanings));
    }

    /** The share of the question's names and numbers that a set of terms holds; 1 when it has none. */
    static double salientCoverage(AnalysedQuestion terms, Set<String> found) {
        List<QuestionTerm> salient = terms.terms().stream().filter(QuestionTerm::salient).toList();
        if (salient.isEmpty()) {
            return 1;
        }
        return (double) salient.stream().filter(t -> found.contains(t.indexed())).count() / salient.size();
    }
}
