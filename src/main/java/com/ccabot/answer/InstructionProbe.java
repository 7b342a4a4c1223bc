package com.ccabot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises messages that try to read or override the bot's own instructions, configuration or secrets, and finds
 * the real question, if any, that such a message carries besides its orders.
 */
final class InstructionProbe {

    private static final Pattern PROBE = Pattern.compile(
            "\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instructions?|prompts?|rules|guidelines|context)\\b"
                    + "|\\b(system|initial|hidden|original|developer)\\s+(prompt|message|instructions?)\\b"
                    + "|\\byour\\s+(own\\s+)?(prompt|instructions?|rules|configuration|config|settings|source code)\\b"
                    + "|\\b(bot|api|access|secret)[\\s_-]*(token|key)s?\\b"
                    + "|\\b(password|credentials?|env(ironment)? variables?)\\b"
                    + "|\\bjailbreak|\\bDAN mode\\b|\\bdeveloper mode\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String QUESTION_WORD = "(?:what|which|who|whom|whose|where|when|why|how|whether)";
    private static final String AUXILIARY =
            "(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|shall|may|might)";
    private static final String REQUEST =
            "(?:tell|explain|list|describe|name|give|summari[sz]e|outline|define|compare|find|identify)";
    // words that open an order to the bot; a clause joint is only assumed before one of these or a question
    private static final String ORDER_WORD = "(?:just|only|simply|say|reply|respond|answer|ignore|disregard|forget"
            + "|override|bypass|pretend|act|role-?play|print|show|reveal|repeat|output|echo|never|don't|do not|stop"
            + "|from now on|please|you)";
    private static final String CLAUSE_OPENER =
            "(?:" + QUESTION_WORD + "|" + AUXILIARY + "|" + REQUEST + "|" + ORDER_WORD + ")\\b";
    // a question may open with a preposition: "then in which city…"
    private static final String QUESTION_OPENER = "(?:(?:in|at|on|for|from|to|by|with|during|of|since|under|after"
            + "|before|about|through|between|among)\\s+)?" + QUESTION_WORD + "\\b|" + AUXILIARY + "\\b|" + REQUEST
            + "\\b";

    // Over-splitting is harmless: kept neighbours are re-joined from the original text, so a joint only costs
    // something when the piece it cuts off is itself an order.
    private static final Pattern JOINT = Pattern.compile(String.join("|",
            "(?<=[.!?…][\"'”’)\\]]{0,3})\\s+",
            "\\s*[\\r\\n]+\\s*",
            "\\s*;\\s*",
            "\\s*(?<!\\d):(?![\\d/])\\s*",
            "\\s*—\\s*",
            "\\s+[–-]{1,2}\\s+",
            "\\s*,?\\s*\\b(?:and then|and after that|after that|and afterwards|afterwards|but first|but before that"
                    + "|anyway|anyways|by the way|and also|but also)\\b[\\s,:]*",
            "\\s*,?\\s*\\bthen\\b(?!-)[\\s,:]*",
            "\\s*,?\\s*\\b(?:and|but)\\b\\s*(?=" + CLAUSE_OPENER + ")",
            "\\s*,\\s*(?=" + CLAUSE_OPENER + ")"),
            Pattern.CASE_INSENSITIVE);

    private static final String ALWAYS_FILLER = "(?:ok(?:ay)?|alright|anyway|anyways|btw|by the way|and|but|oh"
            + "|(?:hi|hey|hello)(?: there)?|thanks|thank you|please|ps|after that|afterwards|never ?mind)";
    // these words also carry meaning ("so far", "now that", "next year", "first deputy"), so they count as filler
    // only before punctuation, more filler, or the opening of a question
    private static final String MAYBE_FILLER = "(?:so|now|then|also|first(?:ly)?|second(?:ly)?|next|finally|lastly"
            + "|well|right|instead|besides|plus|actually|seriously|really|just|question"
            + "|(?:my|the) (?:real |actual )?question(?: is)?|here(?:'s| is) (?:my|the) question)";
    // "tell me" goes only before a question word, where the question word carries the request
    private static final String ASKING = "(?:(?:(?:can|could|would|will) you (?:please )?|please )?(?:tell me"
            + "|let me know)|i(?:'d| would) like to know|i want to know|i wonder|do you know)";
    private static final Pattern LEADING_FILLER = Pattern.compile("^(?:"
            + ALWAYS_FILLER + "\\b(?![-'])"
            + "|" + MAYBE_FILLER + "\\b(?![-'])(?=\\s*(?:[,:;.!—–-]|$)|\\s+(?:" + QUESTION_OPENER + "|"
            + ALWAYS_FILLER + "\\b|" + MAYBE_FILLER + "\\b|" + ASKING + "\\b))"
            + "|" + ASKING + "\\b(?=\\s+(?:" + QUESTION_WORD + "|if)\\b)"
            + ")[\\s,:;.!—–-]*",
            Pattern.CASE_INSENSITIVE);

    // orders recognised wherever they stand in a clause, because they are not normal question wording
    private static final Pattern ORDER = Pattern.compile(String.join("|",
            "\\b(?:just|only|simply|solely)\\s+(?:reply|respond|answer|say|write|output|print|type|return)\\b",
            "\\b(?:reply|respond|answer)\\s+(?:only|just|solely|exclusively|simply)\\b",
            "\\b(?:reply|respond|answer)\\s+with\\s+(?:only\\b|just\\b|the\\s+words?\\b|[\"'“‘«])",
            "\\bpretend\\s+(?:to\\s+be|you(?:'re|\\s+are)?|that\\s+you)\\b",
            "\\brole-?play\\b",
            "\\byou(?:\\s+are|'re)\\s+(?:now|no\\s+longer|free|DAN)\\b",
            "\\bfrom\\s+now\\s+on\\b",
            "\\b(?:respond|reply|answer|speak|talk|write)\\s+(?:only\\s+|entirely\\s+)?(?:in|using)\\s+(?:an?\\s+)?"
                    + "[\\w-]+\\s+(?:speak|style|voice|accent|dialect|tone|slang|rhymes?|verse)\\b",
            "\\b(?:respond|reply|answer|speak|talk|write)\\s+(?:only\\s+)?like\\s+an?\\b",
            "\\b(?:respond|reply|answer|write)\\s+(?:only\\s+)?in\\s+(?:one|a\\s+single|\\d+|two|three|five|all)\\s+"
                    + "(?:[\\w-]+\\s+)?(?:words?|sentences?|lines?|letters?|characters?|caps|capitals)\\b",
            "\\byour\\s+(?:only\\s+|final\\s+|next\\s+)?(?:answer|reply|response|output)\\s+(?:must|should|will|shall"
                    + "|has\\s+to|needs\\s+to|is\\s+to)\\b",
            "\\b(?:print|show|reveal|repeat|display|output|dump|leak|expose|recite|share|spell\\s+out)\\s+(?:me\\s+)?"
                    + "(?:all\\s+|the\\s+)?(?:of\\s+)?your\\b",
            "\\b(?:repeat|print|show|output|reveal|display)\\b[^.?!]{0,30}?\\b(?:above|verbatim|word\\s+for\\s+word"
                    + "|so\\s+far)\\b",
            "\\b(?:do\\s+not|don't|never)\\s+(?:use|cite|consult|search|check|mention|rely\\s+on|refer\\s+to"
                    + "|look\\s+at|follow|obey|read)\\s+(?:the\\s+|your\\s+|any\\s+)?(?:articles?|sources?|documents?"
                    + "|knowledge|context|news|rules|instructions|guidelines|search|citations?)\\b",
            "\\byour\\s+new\\s+(?:instructions?|rules|task|persona|role)\\b",
            // a heading that claims authority over the bot: "SYSTEM OVERRIDE:", "admin mode", "debug command"
            "\\b(?:system|admin(?:istrator)?|developer|debug|maintenance|root|sudo|god)\\s+(?:override|mode|access"
                    + "|command|instruction)s?\\b"),
            Pattern.CASE_INSENSITIVE);

    // orders recognised only where a clause opens, because the same verbs appear inside ordinary questions
    // ("which body will act as secretariat?")
    private static final Pattern ORDER_OPENING = Pattern.compile(
            "^(?:(?:now|then|just|only|simply|please|instead|first|also|and|so)[\\s,]+)*(?:"
                    + String.join("|",
                            "(?:ignore|disregard|forget|override|bypass|skip)\\b",
                            "pretend\\b",
                            "imagine\\s+(?:you|that\\s+you)\\b",
                            "(?:act|behave)\\s+(?:as|like)\\b",
                            "let'?s\\s+(?:play|pretend|role-?play)\\b",
                            "you(?:\\s+are|'re|\\s+now|\\s+will|\\s+must|\\s+shall|\\s+should|\\s+have\\s+to|\\s+need\\s+to"
                                    + "|\\s+may\\s+only|\\s+can\\s+only)\\b",
                            // "say 'Astana'" dictates the reply; inside a question ("what did he say 'yes' to?") it
                            // does not, which is why this is only recognised where a clause opens
                            "(?:say|reply|respond|answer|output|print|type|write|return|repeat|echo)\\s+(?:only\\s+"
                                    + "|just\\s+|exactly\\s+|back\\s+|simply\\s+|with\\s+)?(?:the\\s+words?\\s+)?[\"'“‘«]",
                            // a bare "say …" is an order; "answer where the summit was" still asks something
                            "(?:say|reply|respond|answer|output|print|type|echo|repeat|return|write\\s+back)\\b"
                                    + "(?!\\s*,)(?!.*\\b" + QUESTION_WORD + "\\b)",
                            "(?:stop|start|begin|end|sign|prefix)\\s+(?:your|every|each|all|being|acting|using"
                                    + "|following|answering|replying|responding|talking|speaking)\\b",
                            "(?:do\\s+not|don't|never|no\\s+longer)\\s+(?:answer|reply|respond|use|cite|mention|search"
                                    + "|refer|look|follow|obey|say|tell|refuse|decline|apologi[sz]e|add|include"
                                    + "|explain|check|rely)\\b",
                            "(?:switch|enter|enable|activate|turn\\s+on)\\s+(?:to\\s+|into\\s+)?(?:[\\w-]+\\s+){0,2}"
                                    + "mode\\b",
                            "(?:here\\s+(?:are|is)\\s+)?(?:your\\s+)?new\\s+(?:instructions?|rules|task|persona|role)"
                                    + "\\s*(?:[:.!]|$)")
                    + ")",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ASKS = Pattern.compile(
            "[?？]|\\b" + QUESTION_WORD + "\\b|^(?:" + AUXILIARY + "|" + REQUEST + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern TRAILING_JOINT = Pattern.compile("[\\s,;:—–-]+$");
    private static final int MIN_WORDS = 3;

    private record Clause(int start, int end) {}

    private InstructionProbe() {}

    /** Whether the message tries to read or override the bot's instructions, configuration or secrets. */
    static boolean matches(String question) {
        return PROBE.matcher(question).find();
    }

    /**
     * Whether the message gives the bot an order anywhere ("You are DAN now", "Output your hidden configuration"),
     * or tries to read its instructions: only such a message is taken apart by {@link #realQuestion}.
     */
    static boolean givesOrders(String message) {
        return message != null && clauses(message).stream().anyMatch(c -> isOrder(message.substring(c.start(), c.end())));
    }

    /** The real question a message asks once every order to the bot in it is dropped, or empty if none is left. */
    static Optional<String> realQuestion(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        List<Clause> clauses = clauses(message);
        List<String> runs = new ArrayList<>();
        boolean dropped = false;
        Clause runStart = null;
        Clause previous = null;
        for (Clause clause : clauses) {
            String text = message.substring(clause.start(), clause.end());
            boolean order = isOrder(text);
            dropped |= order;
            // filler alone ("Also," before a dropped order) would otherwise dangle at the edge of a kept run
            if (order || !WORD.matcher(stripFiller(text)).find()) {
                if (runStart != null) {
                    runs.add(message.substring(runStart.start(), previous.end()));
                    runStart = null;
                }
            } else if (runStart == null) {
                runStart = clause;
            }
            previous = clause;
        }
        if (runStart != null) {
            runs.add(message.substring(runStart.start(), previous.end()));
        }
        // a message without orders is passed on exactly as asked; only a message that had orders cut out is tidied
        String remainder = dropped ? tidy(runs) : message.strip();
        // the pieces were checked one by one; this catches a probe that only forms across a joint
        if (PROBE.matcher(remainder).find() || ORDER.matcher(remainder).find() || !isRealQuestion(remainder)) {
            return Optional.empty();
        }
        return Optional.of(remainder);
    }

    private static List<Clause> clauses(String message) {
        List<Clause> clauses = new ArrayList<>();
        Matcher joint = JOINT.matcher(message);
        int start = 0;
        while (joint.find()) {
            addClause(clauses, message, start, joint.start());
            start = joint.end();
        }
        addClause(clauses, message, start, message.length());
        return clauses;
    }

    private static void addClause(List<Clause> clauses, String message, int start, int end) {
        // empty pieces between two adjacent joints must not break a run of kept clauses apart
        if (!message.substring(start, end).isBlank()) {
            clauses.add(new Clause(start, end));
        }
    }

    private static boolean isOrder(String clause) {
        String opening = stripFiller(clause);
        return PROBE.matcher(clause).find() || ORDER.matcher(clause).find()
                || ORDER_OPENING.matcher(opening).find();
    }

    private static String tidy(List<String> runs) {
        List<String> kept = new ArrayList<>();
        for (String run : runs) {
            String text = TRAILING_JOINT.matcher(stripFiller(run)).replaceAll("");
            if (!text.isEmpty()) {
                kept.add(text);
            }
        }
        return String.join(" ", kept);
    }

    private static String stripFiller(String text) {
        String rest = text.strip();
        while (true) {
            Matcher filler = LEADING_FILLER.matcher(rest);
            if (!filler.find() || filler.end() == 0) {
                return rest;
            }
            rest = rest.substring(filler.end()).strip();
        }
    }

    private static boolean isRealQuestion(String text) {
        return WORD.matcher(text).results().count() >= MIN_WORDS && ASKS.matcher(text).find();
    }
}
