package com.ccabot.retrieval;

import com.ccabot.index.TermAnalyzer;
import com.ccabot.knowledge.Article;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who a question asks the words of: "Aliyev" in "what did Governor Rustam Aliyev say in his speech", "the deputy
 * prime minister" in "according to the Kyrgyz deputy prime minister, …". A window answers it only when it reports
 * that speaker's words: a sentence that names the speaker and has a verb or noun of speech ("said", "stressed",
 * "called for", "in his speech"), or one that begins with a pronoun and such a word, or a quotation ending "he
 * said", after a sentence that names the speaker ("He added that…"). A sentence that lists the speaker among those
 * present gives none of their words.
 */
final class QuestionSpeaker {

    private static final String SPEAKER = "((?:[\\p{L}\\p{N}][\\p{L}\\p{N}'\\-]* ){0,9}?[\\p{L}\\p{N}][\\p{L}\\p{N}'\\-]*)";
    /** A word of speech right after "of" is a noun: "the heads of state sign". */
    private static final String NOT_OF = "(?<!\\bof)";
    /** Verbs a question asks someone's words with. */
    private static final String SAYS = " (?:say|tell|state|stress|note|add|call|urge|propose|announce|suggest|highlight"
            + "|emphasi[sz]e|underline|describe|explain|warn|predict|promise|pledge|mention|remark|argue|express|want|think"
            + "|hope|write|speak|talk|put forward)\\b";
    /**
     * The ways a question asks what someone said: "what did X say…", "according to X, …", and whether they said
     * something: "did X put forward any proposals…" (a sentence that lists X among those present does not say).
     */
    private static final Pattern ASKS = Pattern.compile(
            "\\b(?:what|how|which)(?: [\\p{L}\\-]+){0,4}? (?:did|does|do|has|have|had|will|would) " + SPEAKER + NOT_OF + SAYS
            + "|\\baccording to (?:the )?" + SPEAKER + "(?:[,?.!]|$)"
            + "|(?:^|[,;:] )(?:did|does|do|has|have|had) " + SPEAKER + NOT_OF + SAYS);
    /** What a question says someone spoke about. */
    private static final Pattern ABOUT = Pattern.compile("\\babout ([^?.!,;]+)", Pattern.CASE_INSENSITIVE);
    /** Verbs and nouns that report words spoken or written. */
    private static final Set<String> SPEECH = Set.of("say", "says", "said", "saying", "tell", "tells", "told", "state",
            "states", "stated", "stress", "stresses", "stressed", "note", "notes", "noted", "add", "adds", "added", "call",
            "calls", "called", "urge", "urges", "urged", "propose", "proposes", "proposed", "announce", "announces",
            "announced", "suggest", "suggests", "suggested", "highlight", "highlights", "highlighted", "emphasize",
            "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "underline", "underlines", "underlined",
            "underscored", "describe", "describes", "described", "explain", "explains", "explained", "warn", "warns",
            "warned", "predict", "predicts", "predicted", "promise", "promised", "pledge", "pledged", "mention",
            "mentioned", "remark", "remarks", "remarked", "argue", "argued", "express", "expressed", "hope", "hoped",
            "hopes", "believe", "believes", "believed", "insist", "insisted", "recall", "recalled", "declare", "declared",
            "vow", "vowed", "praise", "praised", "thank", "thanked", "welcome", "welcomed", "credit", "credited", "write",
            "wrote", "writes", "pointed", "asserted", "affirmed", "speech", "speeches", "address", "addressed", "statement",
            "interview", "briefing", "according", "view", "words", "message");
    /** How many analysed words after a word of speech may still name who spoke ("said Deputy Minister Aliyev"). */
    private static final int AFTER_SPEECH = 3;
    /** What begins the words reported after a word of speech: "that", or a comma or colon. */
    private static final Pattern REPORTED = Pattern.compile("\\bthat\\b|[,:;]");
    /**
     * A sentence reporting the speaker's further words: one that begins with a pronoun ("He added that…"), or a
     * quotation followed by a pronoun and a word of speech ("\u201cIt will change our town,\u201d he said").
     */
    private static final Pattern PRONOUN = Pattern.compile("^\\W*(?:he|she|they)\\b|[\"\u201d]\\s*(?:he|she|they)\\s+(?:also\\s+)?"
            + "(?:said|says|added|adds|stressed|noted|told|declared|stated|continued|explained|urged)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * Words of a post, which a question writes capitalised before a name ("Ambassador Chen Hao") and which do
     * not say who spoke: another ambassador's words are not his.
     */
    private static final Set<String> TITLES = Set.of("president", "vice", "prime", "minister", "foreign", "deputy",
            "secretary", "general", "secretary-general", "chairman", "chairwoman", "chair", "chairperson", "ambassador",
            "director", "head", "chief", "governor", "mayor", "spokesperson", "spokesman", "spokeswoman", "premier",
            "king", "queen", "chancellor", "senator", "speaker", "envoy", "official", "officials", "commissioner",
            "party", "leader", "mr", "mrs", "ms", "dr", "professor", "prof", "state", "councillor", "councilor", "first");
    /**
     * Words for the parties to a talk as a whole ("what did the sides propose", "what did both countries call for"):
     * a report gives their words under any name ("Participants proposed…", "The two governments agreed…").
     */
    private static final Set<String> PARTIES = Set.of("side", "sides", "party", "parties", "participant", "participants",
            "attendee", "attendees", "delegate", "delegates", "delegation", "delegations", "both", "two", "three", "four",
            "five", "six", "all", "countries", "country", "nations", "governments", "authorities", "organisers",
            "organizers", "they", "them", "people", "leaders", "officials", "members", "partners");
    /** Words of a speaker phrase that do not name who spoke. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "his", "her", "their", "its", "own");

    /** A speaker's label in a transcript: a name of up to three words before a colon, where a sentence may start. */
    private static final Pattern TURN = Pattern.compile("(?:^|[.?!\"\n]\\s*)(\\p{Lu}[\\p{L}'\\-]*(?: \\p{Lu}[\\p{L}'\\-]*){0,2}):\\s");

    /** Whether each article looked at is an interview of the speaker, judged once a question. */
    private final Map<Article, Boolean> interviewed = new IdentityHashMap<>();
    private final List<String> words;
    private final Set<String> names;
    private final Set<String> subject;
    private final TermAnalyzer analyzer;

    private QuestionSpeaker(List<QuestionTerm> names, Set<String> subject, TermAnalyzer analyzer) {
        this.words = names.stream().map(QuestionTerm::word).distinct().toList();
        this.names = names.stream().map(QuestionTerm::indexed).collect(Collectors.toUnmodifiableSet());
        this.subject = Set.copyOf(subject);
        this.analyzer = analyzer;
    }

    /**
     * The speaker a question asks the words of, as the analysed terms that name them: the names in the speaker
     * phrase when it has any ("Aliyev" of "Governor Rustam Aliyev", not the title), else its other words but
     * its countries ("deputy", "prime", "minister" of "the Kyrgyz deputy prime minister"); empty when it asks no
     * one's words.
     */
    static Optional<QuestionSpeaker> of(AnalysedQuestion question, TermAnalyzer analyzer) {
        Matcher matcher = ASKS.matcher(question.corrected().toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        if (!matcher.find()) {
            return Optional.empty();
        }
        String phrase = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2)
                : matcher.group(3);
        List<String> said = analyzer.terms(phrase.replaceAll("'s\\b", ""));
        // a word no article has ("PM" for "Prime Minister") cannot say who in the articles spoke
        List<QuestionTerm> terms = question.terms().stream().filter(t -> said.contains(t.term()) && t.matched()
                && !NOT_NAMES.contains(t.word().toLowerCase(Locale.ROOT))).toList();
        List<QuestionTerm> names = terms.stream().filter(t -> t.salient() && !t.country()
                && !TITLES.contains(t.word().toLowerCase(Locale.ROOT))).toList();
        List<QuestionTerm> chosen = !names.isEmpty() ? names : terms.stream().filter(t -> !t.country()).toList();
        if (chosen.isEmpty() || names.isEmpty() && chosen.stream().allMatch(t -> PARTIES.contains(t.word().toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        // what they spoke about, when the question names it: "Shahriston" in "what did Xi say about the Shahriston
        // Tunnel when it opened"
        Matcher about = ABOUT.matcher(question.corrected());
        List<String> spokenOf = about.find() ? analyzer.terms(about.group(1)) : List.of();
        Set<String> subject = question.terms().stream().filter(t -> t.salient() && t.matched() && !t.country()
                        && spokenOf.contains(t.term()) && !said.contains(t.term())
                        && !TITLES.contains(t.word().toLowerCase(Locale.ROOT)))
                .map(QuestionTerm::indexed).collect(Collectors.toSet());
        return Optional.of(new QuestionSpeaker(chosen, subject, analyzer));
    }

    /** The speaker as the question names them, for saying what the articles do not give. */
    List<String> words() {
        return words;
    }

    /**
     * Whether a window reports the speaker's words: a sentence of it that names them with a word of speech, or one
     * that goes on with "He…" or a quotation ending "he said" after it, or an article that gives the speaker's words
     * in turns ("Malika Yusupova: The deck rests on twelve piers…"), an interview whose every answer is theirs; and
     * whether the window, with its article's title, names what the question says they spoke about (Xi's words on a
     * railway are not his words on a tunnel).
     */
    boolean heldBy(Evidence evidence) {
        return evidence.window().containsAll(subject) && (reported(evidence)
                || interviewed.computeIfAbsent(evidence.passage().chunk().article(), this::takesTurns));
    }

    private boolean reported(Evidence evidence) {
        List<String> sentences = evidence.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            if (reports(s > 0 ? sentences.get(s - 1) : "", sentences.get(s))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sentence of a piece of evidence itself reports the speaker's words ({@link #heldBy} asks it of
     * the whole window), and the window names what they spoke about: the sentence an answer to "what did X say"
     * leads with.
     */
    boolean speaksIn(Evidence evidence) {
        return evidence.window().containsAll(subject) && reports(evidence.before(), evidence.text());
    }

    /** Whether a sentence reports the speaker's words: it names them as the one who speaks, or goes on after one that names them. */
    private boolean reports(String before, String sentence) {
        List<TermAnalyzer.Token> tokens = analyzer.tokens(sentence);
        if (tokens.stream().noneMatch(t -> SPEECH.contains(t.word().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        return speaker(sentence, tokens) || PRONOUN.matcher(sentence).find()
                && analyzer.tokens(before).stream().anyMatch(t -> names.contains(t.term()));
    }

    /**
     * Whether a sentence names the speaker as the one who speaks: before a word of speech ("Kadyrbaev, general
     * director of the company, told…", "In a statement, the company said…") or right after one ("…, said Deputy
     * Minister Aliyev", "according to the ministry"), not inside what someone else said ("He confirmed that the plant
     * received a grant from TBEA", "the ministry said that, as of Feb. 1, TBEA had been paid" give no words of TBEA's).
     */
    private boolean speaker(String sentence, List<TermAnalyzer.Token> tokens) {
        int[] at = new int[tokens.size()];
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int found = sentence.indexOf(tokens.get(i).word(), from);
            at[i] = found < 0 ? from : found;
            from = found < 0 ? from : found + tokens.get(i).word().length();
        }
        for (int v = 0; v < tokens.size(); v++) {
            if (!SPEECH.contains(tokens.get(v).word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int n = 0; n < tokens.size() && n <= v + AFTER_SPEECH; n++) {
                if (names.contains(tokens.get(n).term()) && (n < v
                        || !REPORTED.matcher(sentence.substring(at[v], at[n])).find())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an article gives the speaker's words as turns of a transcript, after their name and a colon. */
    private boolean takesTurns(Article article) {
        Matcher label = TURN.matcher(article.text());
        while (label.find()) {
            if (analyzer.terms(label.group(1)).stream().anyMatch(names::contains)) {
                return true;
            }
        }
        return false;
    }
}
