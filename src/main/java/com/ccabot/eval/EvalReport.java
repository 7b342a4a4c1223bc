package com.ccabot.eval;

import com.ccabot.cache.CacheFigures;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of an eval run, per kind of question (and per split, when the set has splits), its context recall,
 * and the failures with their reasons and the stage that failed.
 */
public record EvalReport(List<EvalResult> results) {

    /** The heading of questions without a split in a set where others have one. */
    static final String NO_SPLIT = "(none)";

    public EvalReport {
        results = List.copyOf(results);
    }

    public Map<String, List<EvalResult>> byKind() {
        return byKind(results);
    }

    /**
     * The results per split, train before validation, questions without a split last; empty when no question of
     * the set has a split.
     */
    public Map<String, List<EvalResult>> bySplit() {
        if (results.stream().allMatch(r -> r.question().split().isEmpty())) {
            return Map.of();
        }
        Comparator<String> order = Comparator.comparing((String split) -> split.equals(NO_SPLIT))
                .thenComparing(Comparator.naturalOrder());
        return results.stream().collect(Collectors.groupingBy(
                r -> r.question().split().isEmpty() ? NO_SPLIT : r.question().split(),
                () -> new TreeMap<>(order), Collectors.toList()));
    }

    public long passed() {
        return results.stream().filter(EvalResult::passed).count();
    }

    /** The context recall of the whole run. */
    public ContextRecall contextRecall() {
        return ContextRecall.of(results);
    }

    public String format(CacheFigures cache) {
        StringBuilder out = new StringBuilder();
        Map<String, List<EvalResult>> splits = bySplit();
        if (splits.isEmpty()) {
            table(out, results);
        } else {
            splits.forEach((split, inSplit) -> {
                out.append("split ").append(split).append('\n');
                table(out, inSplit);
                out.append('\n');
            });
            out.append("all splits\n");
            table(out, results);
        }
        out.append(cache).append('\n');
        List<EvalResult> failures = results.stream().filter(r -> !r.passed()).toList();
        if (!failures.isEmpty()) {
            out.append("\nfailures:\n");
            failures.forEach(failure -> out.append(failure(failure)));
        }
        return out.toString();
    }

    private static Map<String, List<EvalResult>> byKind(List<EvalResult> results) {
        return results.stream().collect(Collectors.groupingBy(r -> r.question().kind(), TreeMap::new, Collectors.toList()));
    }

    private static void table(StringBuilder out, List<EvalResult> results) {
        out.append(String.format("%-12s %7s %10s %10s %8s %8s %8s %8s%n", "kind", "passed", "false ans", "false decl",
                "sources", "length", "p50 ms", "p95 ms"));
        byKind(results).forEach((kind, ofKind) -> out.append(line(kind, ofKind)));
        out.append(line("all", results));
        out.append(ContextRecall.of(results).line()).append('\n');
    }

    private static String line(String kind, List<EvalResult> results) {
        long passed = results.stream().filter(EvalResult::passed).count();
        List<EvalResult> toDecline = results.stream().filter(r -> !r.question().answered()).toList();
        List<EvalResult> toAnswer = results.stream().filter(r -> r.question().answered()).toList();
        String falseAnswers = ratio(toDecline.stream().filter(r -> r.answer().answered()).count(), toDecline.size());
        String falseDeclines = ratio(toAnswer.stream().filter(r -> !r.answer().answered()).count(), toAnswer.size());
        List<EvalResult> withSources = results.stream().filter(r -> !r.question().sources().isEmpty()).toList();
        String sources = withSources.isEmpty() ? "-"
                : percent(withSources.stream().filter(r -> r.answer().answered() && r.sourceHit()).count(), withSources.size());
        double length = results.stream().mapToInt(r -> r.answer().text().length()).average().orElse(0);
        double[] latencies = results.stream().mapToDouble(r -> r.answer().latencyMs()).sorted().toArray();
        return String.format("%-12s %3d/%-3d %10s %10s %8s %8.0f %8.2f %8.2f%n", kind, passed, results.size(),
                falseAnswers, falseDeclines, sources, length, percentile(latencies, 50), percentile(latencies, 95));
    }

    private static String failure(EvalResult failure) {
        EvalQuestion question = failure.question();
        String split = question.split().isEmpty() ? "" : ", " + question.split();
        StringBuilder out = new StringBuilder(String.format("  %s [%s%s] %s%n", question.id(), question.kind(), split,
                question.question()));
        failure.stage().ifPresent(stage -> {
            out.append("    stage: ").append(stage.label());
            String reason = failure.context().gateReason();
            if (stage == FailureStage.GATE && !reason.isBlank()) {
                out.append(" (verdict: ").append(reason).append(')');
            }
            out.append('\n');
        });
        out.append(String.format("    %s%n    answer: %s%n", String.join("; ", failure.problems()),
                abbreviate(failure.answer().text(), 200)));
        return out.toString();
    }

    /** The nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ratio(long part, long whole) {
        return whole == 0 ? "-" : part + "/" + whole;
    }

    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
