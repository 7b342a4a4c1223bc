package com.ccabot.answer;

import com.ccabot.cache.AnswerCache;
import com.ccabot.cache.CacheFigures;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.Retrieval;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions: cleans what was typed, turns away what cannot be a question for this bot, serves repeated
 * questions from the cache, and otherwise retrieves passages and lets the backend compose the answer. Safe for
 * concurrent use; never throws for any question.
 */
public final class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    private final HybridRetriever retriever;
    private final AnswerBackend backend;
    private final AnswerCache cache;
    private final int maxQuestionChars;

    public AnswerService(HybridRetriever retriever, AnswerBackend backend, AnswerCache cache, int maxQuestionChars) {
        this.retriever = retriever;
        this.backend = backend;
        this.cache = cache;
        this.maxQuestionChars = maxQuestionChars;
    }

    public KnowledgeIndex index() {
        return retriever.index();
    }

    public String backendName() {
        return backend.name();
    }

    public CacheFigures cacheFigures() {
        return cache.figures();
    }

    /** The backend's own figures (model calls, tokens), or an empty string. */
    public String backendFigures() {
        return backend.figures();
    }

    /** Answers a question, from the cache when the same question was answered before. */
    public Answer answer(String typed) {
        return answer(typed, true);
    }

    /** Answers a question without looking in or filling the cache (benchmarks measure the full path with it). */
    public Answer answerWithoutCache(String typed) {
        return answer(typed, false);
    }

    private Answer answer(String typed, boolean useCache) {
        long start = System.nanoTime();
        String question = QuestionText.clean(typed);
        Optional<String> refusal = refusal(question);
        if (refusal.isPresent()) {
            return Answer.declined(question, refusal.get(), backend.name()).withLatency(millisSince(start));
        }
        AnswerCache.Key key = new AnswerCache.Key(QuestionText.normalise(question), backend.name(), index().version());
        if (useCache) {
            Optional<Answer> cached = cache.get(key);
            if (cached.isPresent()) {
                return cached.get().fromCache(question, millisSince(start));
            }
        }
        Answer answer = compose(question, searchQuery(question)).withLatency(millisSince(start));
        if (useCache && lasting(question, answer)) {
            cache.put(key, answer);
        }
        return answer;
    }

    /** An offline stand-in for a failed model is not kept: the model may be back for the next asker. */
    private static boolean lasting(String question, Answer answer) {
        return !answer.fallback() && (answer.answered() || QuestionScript.of(question) == QuestionScript.LATIN);
    }

    /** What to search for: the question itself, or its English rewrite when it is in another script. */
    private String searchQuery(String question) {
        return QuestionScript.of(question) == QuestionScript.LATIN ? question
                : backend.searchQuery(question).orElse(question);
    }

    private Answer compose(String question, String searchQuery) {
        if (QuestionScript.of(searchQuery) != QuestionScript.LATIN) {
            return Answer.declined(question, Declines.notEnglish(QuestionScript.of(question)), backend.name());
        }
        try {
            Retrieval retrieval = retriever.retrieve(searchQuery);
            log.debug("question {} -> gate {}", question, retrieval.verdict());
            return backend.answer(question, retrieval);
        } catch (RuntimeException e) {
            // a bug must cost one answer, not the chat: the asker gets a decline, the log the cause
            log.error("failed to answer \"{}\"", question, e);
            return Answer.declined(question, "Sorry, something went wrong while answering. Please try again.",
                    backend.name());
        }
    }

    /** Why a message cannot be answered at all, before any search. */
    private Optional<String> refusal(String question) {
        int articles = index().articles().size();
        if (question.isEmpty()) {
            return Optional.of(Declines.empty());
        }
        if (question.length() > maxQuestionChars) {
            return Optional.of(Declines.tooLong(question.length(), maxQuestionChars));
        }
        if (InstructionProbe.matches(question)) {
            return Optional.of(Declines.aboutItself(articles));
        }
        return Optional.empty();
    }

    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
    }
}
