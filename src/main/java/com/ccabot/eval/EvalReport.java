package com.ccabot.eval;

import com.ccabot.cache.CacheFigures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The figures of an eval run, per kind of question, and the failures with their reasons. */
public record EvalReport(List<EvalResult> results) {

    public EvalReport {
        results = List.copyOf(results);
    }

    public Map<String, List<EvalResult>> byKind() {
        return results.stream().collect(Collectors.groupingBy(r -> r.question().kind(), TreeMap::new, Collectors.toList()));
    }

    public long passed() {
        return results.stream().filter(EvalResult::passed).count();
    }

    public String format(CacheFigures cache) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-12s %7s %8s %8s %8s %8s%n", "kind", "passed", "sources", "length", "p50 ms", "p95 ms"));
        byKind().forEach((kind, results) -> out.append(line(kind, results)));
        out.append(line("all", results));
        out.append(cache).append('\n');
        List<EvalResult> failures = results.stream().filter(r -> !r.passed()).toList();
        if (!failures.isEmpty()) {
            out.append("\nfailures:\n");
            for (EvalResult failure : failures) {
                out.append(String.format("  %s [%s] %s%n    %s%n    answer: %s%n", failure.question().id(),
                        failure.question().kind(), failure.question().question(), String.join("; ", failure.problems()),
                        abbreviate(failure.answer().text(), 200)));
            }
        }
        return out.toString();
    }

    private static String line(String kind, List<EvalResult> results) {
        long passed = results.stream().filter(EvalResult::passed).count();
        List<EvalResult> withSources = results.stream().filter(r -> !r.question().sources().isEmpty()).toList();
        String sources = withSources.isEmpty() ? "-"
                : percent(withSources.stream().filter(r -> r.answer().answered() && r.sourceHit()).count(), withSources.size());
        double length = results.stream().mapToInt(r -> r.answer().text().length()).average().orElse(0);
        double[] latencies = results.stream().mapToDouble(r -> r.answer().latencyMs()).sorted().toArray();
        return String.format("%-12s %3d/%-3d %8s %8.0f %8.2f %8.2f%n", kind, passed, results.size(), sources, length,
                percentile(latencies, 50), percentile(latencies, 95));
    }

    /** The nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
