package dev.sextant.reranker;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each stage of a cascade ran and was skipped, by outcome, since start: kept in memory for a metrics
 * endpoint to publish. Counts say nothing about any one reader's query.
 */
public final class CascadeMetrics {

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    void record(RerankerCascade.StageRun run) {
        counts.computeIfAbsent(run.tag(), t -> new ConcurrentHashMap<>())
                .computeIfAbsent(run.outcome(), o -> new LongAdder()).increment();
    }

    /** How many times the stage ran to the end and its order was used. */
    public long ran(String tag) {
        return count(tag, RerankerCascade.StageRun.RAN);
    }

    /** @param why e.g. {@code timeout}, {@code rate limited}: the part of the outcome after {@code skipped: } */
    public long skipped(String tag, String why) {
        return count(tag, RerankerCascade.StageRun.SKIPPED + why);
    }

    /** Stage tag to outcome to count, sorted. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((tag, outcomes) -> {
            Map<String, Long> byOutcome = new TreeMap<>();
            outcomes.forEach((outcome, n) -> byOutcome.put(outcome, n.sum()));
            copy.put(tag, byOutcome);
        });
        return copy;
    }

    private long count(String tag, String outcome) {
        LongAdder n = counts.getOrDefault(tag, Map.of()).get(outcome);
        return n == null ? 0 : n.sum();
    }
}
