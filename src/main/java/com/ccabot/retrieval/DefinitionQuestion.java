package com.ccabot.retrieval;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question asking what or who something is ("Who is Cui Zheng?"), answered best by a sentence that describes
 * it ("Cui Zheng, director of …", "the alliance is …") rather than one that merely names it.
 */
final class DefinitionQuestion {

    private static final Pattern ASKS = Pattern.compile(
            "^(?:who|what)\\s+(?:is|are|was|were)\\s+(?:the\\s+|an?\\s+)?(.{2,80}?)[\\s?.!]*$", Pattern.CASE_INSENSITIVE);

    private final Pattern describes;

    private DefinitionQuestion(String subject) {
        String quoted = Pattern.quote(subject);
        this.describes = Pattern.compile(quoted + ",\\s+(?:the\\s+|an?\\s+)?\\p{Ll}|" + quoted + "\\s+(?:is|was|are|were)\\s",
                Pattern.CASE_INSENSITIVE);
    }

    static Optional<DefinitionQuestion> of(String question) {
        Matcher matcher = ASKS.matcher(question.strip());
        return matcher.matches() ? Optional.of(new DefinitionQuestion(matcher.group(1))) : Optional.empty();
    }

    boolean describedIn(String sentence) {
        return describes.matcher(sentence).find();
    }
}
