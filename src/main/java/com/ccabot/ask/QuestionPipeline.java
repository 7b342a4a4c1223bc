package com.ccabot.ask;

import com.ccabot.answer.Answer;
import com.ccabot.answer.AnswerBackend;
import com.ccabot.answer.Composer;
import com.ccabot.answer.Conversations;
import com.ccabot.answer.QuestionScript;
import com.ccabot.answer.QuestionText;
import com.ccabot.answer.Refusals;
import com.ccabot.answer.Screened;
import com.ccabot.answer.Turn;
import com.ccabot.answer.Understanding;
import com.ccabot.answer.Understood;
import com.ccabot.cache.AnswerCache;
import com.ccabot.cache.CacheFigures;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.Retrieval;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The path of a question, its stages wired in one place:
 * clean → refuse? → understand (follow-up, rewrite) → cache? → retrieve → answerable? → compose → check citations
 * → remember. Retrieval also normalises, corrects and splits the question on the index's analysis; the gate and
 * the citation check run inside {@link Composer}. Safe for concurrent use; never throws for any message.
 */
public final class QuestionPipeline {

    private final Refusals refusals;
    private final Understanding understanding;
    private final AnswerCache cache;
    private final Composer composer;
    private final Conversations conversations;
    private final AnswerBackend backend;
    private final AnswerMeters meters;

    /**
     * @param cache         the answers already given, shared across reloads (its keys hold the index version)
     * @param conversations the memory of conversations, shared across reloads of the knowledge
     * @param meters        where questions and latencies are counted
     */
    public QuestionPipeline(HybridRetriever retriever, AnswerBackend backend, AnswerCache cache, int maxQuestionChars,
                            Conversations conversations, AnswerMeters meters) {
        this.refusals = new Refusals(maxQuestionChars, retriever.index().articles().size());
        this.understanding = new Understanding(backend);
        this.cache = cache;
        this.composer = new Composer(retriever, backend, meters.retrieval());
        this.conversations = conversations;
        this.backend = backend;
        this.meters = meters;
    }

    /** A pipeline with a memory of conversations of its own, counting nothing. */
    public QuestionPipeline(HybridRetriever retriever, AnswerBackend backend, AnswerCache cache, int maxQuestionChars) {
        this(retriever, backend, cache, maxQuestionChars, Conversations.local(Conversations.MAX_TURNS, Conversations.FORGET_AFTER),
                AnswerMeters.none());
    }

    public Answer answer(String message) {
        return answer(message, null, true, null);
    }

    public Answer answer(String message, String conversation) {
        return answer(message, conversation, true, null);
    }

    public Answer answer(String message, String conversation, Consumer<String> partial) {
        return answer(message, conversation, true, partial);
    }

    /** Answers without looking in or filling the cache (benchmarks measure the full path with it). */
    public Answer answerWithoutCache(String message) {
        return answer(message, null, false, null);
    }

    /** What retrieval finds for a question on its own (no conversation): passages, ranked sentences, the gate's verdict. */
    public Retrieval retrieve(String question) {
        return composer.retrieve(QuestionText.clean(question));
    }

    private Answer answer(String message, String conversation, boolean useCache, Consumer<String> partial) {
        long start = System.nanoTime();
        String cleaned = QuestionText.clean(message);
        Screened screened = refusals.screen(cleaned);
        if (screened.decline().isPresent()) {
            return counted(Answer.declined(cleaned, screened.decline().get(), backend.name()).withLatency(millisSince(start)),
                    AnswerMeters.Reason.REFUSED);
        }
        List<Turn> history = conversations.history(conversation);
        Understood understood = understanding.understand(screened.question(), history);
        AnswerCache.Key key = new AnswerCache.Key(understood.cacheText(), backend.name(), index().version());
        Optional<Answer> cached = useCache ? cache.get(key) : Optional.empty();
        Answer answer = cached.isPresent() ? cached.get().fromCache(understood.question(), millisSince(start))
                : composer.compose(understood, partial).withLatency(millisSince(start));
        if (useCache && cached.isEmpty() && lasting(understood.script(), answer)) {
            cache.put(key, answer);
        }
        if (answer.answered()) {
            conversations.add(conversation, new Turn(understood.query(), answer.text()));
        }
        return counted(answer, answer.answered() ? AnswerMeters.Reason.ANSWERED
                : QuestionScript.of(understood.query()) != QuestionScript.LATIN ? AnswerMeters.Reason.NOT_ENGLISH
                : AnswerMeters.Reason.NOT_COVERED);
    }

    private Answer counted(Answer answer, AnswerMeters.Reason reason) {
        meters.record(answer, reason);
        return answer;
    }

    /** An offline stand-in for a failed model is not kept: the model may be back for the next asker. */
    private static boolean lasting(QuestionScript script, Answer answer) {
        return !answer.fallback() && (answer.answered() || script == QuestionScript.LATIN);
    }

    public KnowledgeIndex index() {
        return composer.index();
    }

    public boolean streams() {
        return backend.streams();
    }

    public String backendName() {
        return backend.name();
    }

    public CacheFigures cacheFigures() {
        return cache.figures();
    }

    public String backendFigures() {
        return backend.figures();
    }

    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
    }
}
