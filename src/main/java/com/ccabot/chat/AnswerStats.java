package com.ccabot.chat;

import com.ccabot.answer.Answer;
import com.ccabot.eval.EvalReport;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many questions a transport answered, how many it declined, and how fast the recent ones were, for
 * {@code :stats} and {@code /stats}. Thread-safe; keeps only the latest latencies.
 */
public final class AnswerStats {

    private static final int RECENT = 1000;

    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong declined = new AtomicLong();
    private final double[] latencies = new double[RECENT];

    public void record(Answer answer) {
        long n = questions.incrementAndGet();
        if (!answer.answered()) {
            declined.incrementAndGet();
        }
        synchronized (latencies) {
            latencies[(int) ((n - 1) % RECENT)] = answer.latencyMs();
        }
    }

    public long questions() {
        return questions.get();
    }

    public long declined() {
        return declined.get();
    }

    /** How many latencies the percentiles are taken over: the most recent, up to a thousand. */
    public int recent() {
        return (int) Math.min(questions.get(), RECENT);
    }

    /** A percentile of the recent latencies in milliseconds; 0 before the first question. */
    public double latencyPercentile(double p) {
        double[] recent;
        synchronized (latencies) {
            recent = Arrays.copyOf(latencies, recent());
        }
        Arrays.sort(recent);
        return EvalReport.percentile(recent, p);
    }
}
