package com.ccabot.retrieval;

import com.ccabot.index.LexicalIndex;
import com.ccabot.index.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Finds a question's content terms: its analysed words less the words every question uses ("how many", "tell me
 * about", "take place"), each weighed by its rarity in the knowledge and, when misspelt, corrected to a known term;
 * the question as corrected is what is embedded.
 */
public final class QuestionAnalyzer {

    /**
     * Words that say what kind of answer is wanted, not what it is about, and pronouns, which stand for a name said
     * before; and chat's greetings, courtesies and their shorthand ("quick q", "pls", "thx"), which say nothing of
     * what is asked.
     */
    private static final String QUESTION_WORDS = """
            what which who whom whose when where why how many much did does do done was were is are am been be being
            has have had can could would should will shall may might must tell me us you your please know explain
            describe give list name show say said any some information info detail details happen happened happens
            take took taken place held hold number amount total kind type date time exactly also about there here
            i we my our like want need find ok okay hi hello hey see
            pls plz thx ty u ur yo btw rn q quick question stuff
            he him his she her hers its them theirs those
            """;

    /**
     * Courtesies, left out as typed: "thanks" and "thank you" say nothing of what is asked, but "which minister
     * thanked China" asks about thanking, so they are not left out by their stem.
     */
    private static final Set<String> COURTESIES = Set.of("thanks", "thank", "thankyou", "thanx");

    /** The question words users begin a question with, whose misspellings are still question words. */
    private static final List<String> INTERROGATIVES = List.of("what", "which", "where", "when", "whom", "whose", "many",
            "much", "who", "how", "why");

    /** A question for what something means: "what does X mean", "the meaning of X", "what is meant by X". */
    private static final Pattern ASKS_MEANING = Pattern.compile(
            "\\bwhat (?:does|do|did) .{1,80}? mean\\b|\\bmeaning of\\b|\\bwhat is meant by\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> MEANING_WORDS = Set.of("mean", "means", "meaning", "meant");
    /** The words a question for someone's post asks with, which the answer need not hold. */
    private static final Set<String> POST_WORDS = Set.of("job", "jobs", "position", "positions", "post", "posts", "role",
            "roles", "occupation", "occupations", "title", "titles");

    /** A term in at most this many chunks names something specific. */
    private static final int RARE = 2;

    private final TermAnalyzer analyzer;
    private final LexicalIndex lexical;
    private final Set<String> questionWords;
    private final QuestionFocus focus;

    public QuestionAnalyzer(TermAnalyzer analyzer, LexicalIndex lexical) {
        this.analyzer = analyzer;
        this.lexical = lexical;
        this.questionWords = Set.copyOf(analyzer.terms(QUESTION_WORDS));
        this.focus = new QuestionFocus(analyzer, questionWords);
    }

    /**
     * Whether a word the knowledge does not know, and cannot correct, is a question word typed wrong: "what",
     * "which", "where", "many"… with a letter left out ("wat", "wich", "whre") or two neighbouring letters swapped
     * ("waht", "mnay"). A letter changed or added is as likely a word of its own ("low" and "now" for "how", "wheat"
     * for "what").
     */
    static boolean misspeltQuestionWord(String word) {
        String typed = word.toLowerCase(Locale.ROOT);
        if (typed.length() < 3 || typed.codePoints().anyMatch(c -> !Character.isLetter(c))) {
            return false;
        }
        return INTERROGATIVES.stream().anyMatch(asked -> leftOut(asked, typed) || swapped(asked, typed));
    }

    private static boolean leftOut(String asked, String typed) {
        if (typed.length() + 1 != asked.length()) {
            return false;
        }
        for (int i = 0; i < asked.length(); i++) {
            if ((asked.substring(0, i) + asked.substring(i + 1)).equals(typed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean swapped(String asked, String typed) {
        if (typed.length() != asked.length()) {
            return false;
        }
        for (int i = 0; i + 1 < asked.length(); i++) {
            if (asked.charAt(i) != asked.charAt(i + 1) && (asked.substring(0, i) + asked.charAt(i + 1) + asked.charAt(i)
                    + asked.substring(i + 2)).equals(typed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word written with a digit, or with a capital (not the sentence's first, in a question not typed in
     * capitals), names something; so does a country however it is typed.
     */
    private static boolean salient(String word, boolean shouting, boolean first) {
        return word.chars().anyMatch(Character::isDigit)
                || !shouting && (first ? word.chars().skip(1) : word.chars()).anyMatch(Character::isUpperCase);
    }

    /** The question with each misspelt word replaced by the knowledge's word, as written, that it stands for. */
    private static String corrected(String question, Map<String, String> written) {
        String corrected = question;
        for (Map.Entry<String, String> word : written.entrySet()) {
            corrected = corrected.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.getKey()) + "(?![\\p{L}\\p{N}])",
                    Matcher.quoteReplacement(word.getValue()));
        }
        return corrected;
    }

    /** Whether a question asks what something means, so that "mean" names no content the answer holds. */
    static boolean asksMeaning(String question) {
        return ASKS_MEANING.matcher(question).find();
    }

    public AnalysedQuestion analyse(String question) {
        List<QuestionTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean shouting = question.equals(question.toUpperCase(Locale.ROOT));
        List<String> asked = focus.of(question);
        // "What does IFAS stand for?", "what does the name Dostyk mean?": "stand" and "mean" ask, they are not
        // what the answer holds
        // "what post did she hold", "his job title": the words for a post only say what kind of answer is wanted
        Set<String> asking = DefinitionQuestion.of(question).flatMap(DefinitionQuestion::abbreviation).isPresent()
                ? DefinitionQuestion.ASKING_WORDS : asksMeaning(question) ? MEANING_WORDS
                : AnswerType.of(question) == AnswerType.ROLE ? POST_WORDS : Set.of();
        Map<String, String> written = new LinkedHashMap<>();
        for (TermAnalyzer.Token token : analyzer.tokens(question)) {
            String term = token.term();
            if (questionWords.contains(term) || asking.contains(token.word().toLowerCase(Locale.ROOT))
                    || COURTESIES.contains(token.word().toLowerCase(Locale.ROOT))
                    || term.codePoints().noneMatch(Character::isLetterOrDigit) || !seen.add(term)) {
                continue; // an emoji or a symbol says nothing the articles could hold
            }
            int frequency = lexical.documentFrequency(term);
            boolean known = frequency > 0;
            LexicalIndex.Correction correction = known ? null : lexical.correction(token.word(), term).orElse(null);
            if (!known && correction == null && misspeltQuestionWord(token.word())) {
                continue; // "wat did…", "wich country…": a question word typed wrong asks, it is not content
            }
            if (correction != null && correction.written() != null) {
                written.put(token.word(), correction.written());
            }
            boolean first = terms.isEmpty() && question.strip().startsWith(token.word());
            boolean country = analyzer.namesCountry(term);
            terms.add(new QuestionTerm(term, lexical.idf(frequency), known, correction == null ? null : correction.term(),
                    country || salient(token.word(), shouting, first), known && frequency <= RARE, country, asked.contains(term), token.word()));
        }
        return new AnalysedQuestion(terms, corrected(question, written));
    }
}
