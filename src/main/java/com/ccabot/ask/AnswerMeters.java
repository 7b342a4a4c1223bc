package com.ccabot.ask;

import com.ccabot.answer.Answer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of the answer path: questions by outcome and reason, and how long answers and retrieval take. What
 * {@code /metrics}, {@code /stats} and {@code :stats} all read.
 */
public final class AnswerMeters {

    public static final String QUESTIONS = "cca.questions";
    public static final String ANSWER_LATENCY = "cca.answer.latency";
    public static final String RETRIEVAL_LATENCY = "cca.retrieval.latency";
    /** Percentiles are over the answers of this long a window, for /stats. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Why a question was or was not answered. */
    public enum Reason {
        /** Answered from the articles. */
        ANSWERED,
        /** Turned away before any search: empty, too long, a request for the bot's instructions. */
        REFUSED,
        /** Not in English, which the offline answer cannot read. */
        NOT_ENGLISH,
        /** The articles do not answer it (the answerability gate, or nothing to quote). */
        NOT_COVERED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<Reason, Counter> questions = new ConcurrentHashMap<>();
    private final Timer latency;
    private final Timer retrieval;

    public AnswerMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Reason reason : Reason.values()) {
            questions.put(reason, Counter.builder(QUESTIONS)
                    .description("Questions asked, by outcome and the reason a question was declined")
                    .tag("outcome", reason == Reason.ANSWERED ? "answered" : "declined")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
        this.latency = latencyTimer(ANSWER_LATENCY, "Time from a question to its answer, cached answers included")
                .register(registry);
        this.retrieval = latencyTimer(RETRIEVAL_LATENCY, "Time to search, rank sentences and judge answerability")
                .register(registry);
    }

    /** Meters that go nowhere: for warming up and for tools that measure by other means. */
    public static AnswerMeters none() {
        return new AnswerMeters(new CompositeMeterRegistry());
    }

    private static Timer.Builder latencyTimer(String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .distributionStatisticExpiry(WINDOW)
                .distributionStatisticBufferLength(5);
    }

    public void record(Answer answer, Reason reason) {
        questions.get(reason).increment();
        latency.record(Math.round(answer.latencyMs() * 1000), TimeUnit.MICROSECONDS);
    }

    /** The timer retrieval is measured by. */
    public Timer retrieval() {
        return retrieval;
    }

    public MeterRegistry registry() {
        return registry;
    }
}
