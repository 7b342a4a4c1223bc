package com.ccabot.retrieval;

import com.ccabot.index.TermAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks about, read from its wording: the thing counted in "how many workshops", the attribute in
 * "what is the population of…", "who is the director of…", "Kazakhstan's GDP". A passage that lacks it does not
 * answer the question, however close it is otherwise: a sentence about a centre's opening does not give its
 * director. The words that only name the kind of answer ("the date of", "the name of") are left to the answer type.
 */
final class QuestionFocus {

    private static final String WORD = "[\\p{L}][\\p{L}\\-]*";
    /** Words that end a noun phrase: verbs, auxiliaries, prepositions, conjunctions. */
    private static final Set<String> ENDS = Set.of("is", "are", "was", "were", "do", "does", "did", "have", "has", "had",
            "will", "would", "can", "could", "should", "of", "for", "in", "at", "on", "to", "from", "by", "with", "between",
            "behind", "that", "which", "who", "and", "or", "there", "per", "among", "into", "under", "over", "during",
            "since", "after", "before", "about", "than", "the", "a", "an", "this", "these", "those", "its", "their",
            "where", "when", "whose", "whom", "why", "how", "what");
    /** Plurals that do not end in -s. */
    private static final Set<String> PLURALS = Set.of("people", "children", "men", "women", "staff", "personnel");
    /**
     * Verbs whose past form does not end in -ed ("how many Chinese went…", "how many people came…"), and the
     * present of the verbs counted questions use most ("how many tourists visit…"): they end the counted phrase as
     * a regular past participle does.
     */
    private static final Set<String> VERBS_WITHOUT_ED = Set.of("went", "gone", "came", "come", "took", "taken", "got", "gotten",
            "saw", "seen", "made", "gave", "given", "met", "sent", "held", "built", "bought", "brought", "won", "lost",
            "left", "found", "grew", "grown", "rose", "risen", "fell", "fallen", "flew", "flown", "drove", "driven", "ran",
            "began", "begun", "became", "become", "chose", "chosen", "wrote", "written", "spoke", "spoken", "sold",
            "told", "paid", "spent", "kept", "led", "stood", "knew", "known", "put", "set", "cut", "hit", "let",
            "shut", "read", "said", "thought", "taught", "caught", "sought", "fought", "felt", "meant", "heard", "lent",
            "visit", "visits", "attend", "attends");
    /** Nouns that say which kind of answer is wanted, checked by the answer type instead. */
    private static final Set<String> KINDS = Set.of("date", "dates", "time", "times", "year", "years", "day", "days", "month",
            "number", "numbers", "name", "names", "amount", "kind", "type", "way", "ways", "thing", "things", "one", "ones",
            "part", "role", "purpose", "aim", "goal", "point", "main", "significance", "meaning", "reason", "reasons",
            "title", "headline", "author", "source", "topic", "subject", "story", "article", "news", "job", "position",
            "occupation", "post");
    private static final Pattern ASKS = Pattern.compile(
            "\\bhow (?:many|much) ((?:" + WORD + " ?){1,3})"
            + "|\\b(?:what|who|which)(?:'?s| is| was| are| were) the (?:" + WORD + " ){0,2}?(" + WORD + ") (?:of|for|in|at|on|between|behind)\\b"
            + "|(?<=\\p{L})'s (?:" + WORD + " ){0,2}?(" + WORD + ")(?: (?:in|of|for|at|on|to|from|with|by|between|that|who|which|when|and|is|was"
            + "|are|were)\\b| ?[?.!,]| ?$)");

    /**
     * A count of a measure or a batch of something: "how many tonnes of gasoline", "how many thousand hectares of
     * farmland", "how many pairs of sister cities". What is counted is the thing after "of": a figure in tonnes of
     * crude oil does not say how many tonnes of gasoline.
     */
    private static final Pattern UNIT_OF = Pattern.compile("\\bhow (?:many|much) (?:(?:more|additional|extra|metric|cubic"
            + "|square|hundred|thousand|million|billion) )*(?:tonnes|tons|kilo(?:gram)?s|kg|litres|liters|barrels|met(?:re|er)s"
            + "|kilomet(?:re|er)s|km|miles|hectares|acres|megawatts|gigawatts|kilowatt-hours|megawatt-hours|gigawatt-hours"
            + "|kwh|mwh|gwh|teu|pairs|sets|batches|pieces|units|heads|containers|wagons|carloads|bags|boxes|cartons|crates"
            + "|servings|doses) of ((?:" + WORD + " ?){1,3})");

    private static final Pattern DOES = Pattern.compile("\\b(?:do|does|did)\\b");
    private static final Pattern A_WORD = Pattern.compile(WORD);

    /** A question that asks for the members of a group by name: "the names of the four…", "list the…". */
    private static final Pattern LISTS = Pattern.compile(
            "\\b(?:names of |list (?:(?:pls|plz|please) )?(?:all )?(?:the )?(?:names of )?)(?:all )?(?:the )?((?:[\\p{L}\\p{N}][\\p{L}\\p{N}\\-]*(?:'s)? ?){1,6})");

    /**
     * Words after "list" that name no group: a request's politeness and pronouns ("list pls", "list them please"),
     * which leave the group to the rest of the question.
     */
    private static final Set<String> NOT_A_GROUP = Set.of("pls", "plz", "please", "thanks", "thx", "them", "it", "me",
            "us", "those", "these", "em", "all");

    private final TermAnalyzer analyzer;
    private final Set<String> questionWords;

    QuestionFocus(TermAnalyzer analyzer, Set<String> questionWords) {
        this.analyzer = analyzer;
        this.questionWords = questionWords;
    }

    /**
     * The noun a counted phrase ends in: "additional scholarships did…" → scholarships, "people attended…" → people;
     * the phrase ends at an auxiliary or preposition, at a verb after its first word ("Chinese went…"), or at a
     * word that is not plural after a plural ("people work at…", "students study in…"): a noun before the head of
     * a compound is seldom plural, while a verb after a plural subject takes its bare form.
     */
    private static String head(String phrase) {
        String head = "";
        String[] words = phrase.strip().split(" ");
        for (int i = 0; i < words.length; i++) {
            if (ENDS.contains(words[i]) || i > 0 && (words[i].endsWith("ed") || VERBS_WITHOUT_ED.contains(words[i])
                    || plural(words[i - 1]) && !plural(words[i]))) {
                break;
            }
            head = words[i];
        }
        return head;
    }

    /** Whether a lower-case word looks plural: "workshops", "people"; not "business", "status" or "analysis". */
    private static boolean plural(String word) {
        return PLURALS.contains(word) || word.length() > 3 && word.endsWith("s")
                && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is");
    }

    /**
     * The word for the group whose members a question asks to have named ("workshops" in "what are the names of
     * the province's five new training workshops"); empty when it asks for no list by name.
     */
    static Optional<String> listed(String question) {
        Matcher matcher = LISTS.matcher(question.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        while (matcher.find()) {
            String head = head(matcher.group(1).replaceAll("\\b(\\p{L}+)'s\\b", "$1"));
            if (!head.isEmpty() && !KINDS.contains(head) && !NOT_A_GROUP.contains(head)) {
                return Optional.of(head);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a possessive is the subject after "do", "does" or "did": its attribute is then the word right after
     * "'s", since a verb follows it ("what share does TALCO's capacity account for": "capacity", not "account").
     */
    private static boolean afterAuxiliary(String lower, Matcher possessive) {
        return DOES.matcher(lower.substring(0, possessive.start())).find();
    }

    private static String firstWordAfter(String lower, int possessive) {
        Matcher word = A_WORD.matcher(lower);
        return word.find(possessive + 2) ? word.group() : "";
    }

    /** The analysed terms of what the question asks about; empty when its wording does not say. */
    List<String> of(String question) {
        String lower = question.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Matcher matcher = ASKS.matcher(lower);
        if (!matcher.find()) {
            return List.of();
        }
        Matcher unit = UNIT_OF.matcher(lower).region(matcher.start(), lower.length());
        if (matcher.group(1) != null && unit.lookingAt()) {
            String head = head(unit.group(1));
            if (!head.isEmpty() && !KINDS.contains(head)) {
                return analyzer.terms(head).stream().filter(t -> !questionWords.contains(t)).toList();
            }
        }
        String head = matcher.group(1) != null ? head(matcher.group(1)) : matcher.group(2) != null ? matcher.group(2)
                : afterAuxiliary(lower, matcher) ? firstWordAfter(lower, matcher.start()) : matcher.group(3);
        if (head.isEmpty() || ENDS.contains(head) || KINDS.contains(head)) {
            return List.of();
        }
        return analyzer.terms(head).stream().filter(t -> !questionWords.contains(t)).toList();
    }
}
