package com.ccabot.answer;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.Retrieval;
import io.micrometer.core.instrument.Timer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages from retrieval to the answer: retrieve (hybrid, fused) → rank sentences and judge answerability
 * ({@link HybridRetriever}) → compose and check citations (the {@link AnswerBackend}). Never throws: a failure
 * costs one answer, not the chat.
 */
public final class Composer {

    private static final Logger log = LoggerFactory.getLogger(Composer.class);

    private final HybridRetriever retriever;
    private final AnswerBackend backend;
    private final Timer retrievalLatency;

    /** @param retrievalLatency measures retrieval, sentence ranking and the gate of every question */
    public Composer(HybridRetriever retriever, AnswerBackend backend, Timer retrievalLatency) {
        this.retriever = retriever;
        this.backend = backend;
        this.retrievalLatency = retrievalLatency;
    }

    public KnowledgeIndex index() {
        return retriever.index();
    }

    /** What retrieval finds for a question on its own: passages, ranked sentences, the gate's verdict. */
    public Retrieval retrieve(String question) {
        return retriever.retrieve(question);
    }

    /** @param partial receives the answer's text as a streaming backend writes it; null when not streaming */
    public Answer compose(Understood understood, Consumer<String> partial) {
        String question = understood.question();
        if (QuestionScript.of(understood.query()) != QuestionScript.LATIN) {
            return Answer.declined(question, Declines.notEnglish(understood.script()), backend.name());
        }
        try {
            Retrieval retrieval = retrievalLatency.record(() -> retrieval(understood));
            log.debug("question {} -> gate {}", question, retrieval.verdict());
            return partial == null ? backend.answer(question, retrieval) : backend.answer(question, retrieval, partial);
        } catch (RuntimeException e) {
            // a bug must cost one answer, not the chat: the asker gets a decline, the log the cause
            log.error("failed to answer \"{}\"", question, e);
            return Answer.declined(question, "Sorry, something went wrong while answering. Please try again.", backend.name());
        }
    }

    /**
     * A question that does not read as a follow-up stands alone, so an off-topic one stays declined; an offline
     * follow-up is found with the question before it, judged on its own words too, and skips what the last answer
     * already said.
     */
    private Retrieval retrieval(Understood understood) {
        if (understood.offlineFollowUp()) {
            Turn last = understood.lastTurn();
            return retriever.retrieveFollowUp(understood.question(), last.question()).withAlreadySaid(last.answer());
        }
        return retriever.retrieve(understood.query());
    }
}
