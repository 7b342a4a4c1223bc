package com.ccabot.console;

import com.ccabot.answer.Answer;
import com.ccabot.cache.CacheFigures;
import com.ccabot.eval.EvalReport;
import java.util.ArrayList;
import java.util.List;

/** What one console session asked and how fast it was answered, for {@code :stats}. */
final class ConsoleStats {

    private final List<Double> latencies = new ArrayList<>();
    private int declined;

    void record(Answer answer) {
        latencies.add(answer.latencyMs());
        if (!answer.answered()) {
            declined++;
        }
    }

    String format(CacheFigures cache) {
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return "questions: %d (%d declined); latency p50 %.2f ms, p95 %.2f ms%n%s".formatted(latencies.size(), declined,
                EvalReport.percentile(sorted, 50), EvalReport.percentile(sorted, 95), cache);
    }
}
