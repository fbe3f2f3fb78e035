package dev.sextant.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts what the users' requests came to, from many threads at once: every request by its outcome, and the
 * latency of the successful ones in an HDR histogram (1 µs to 1 min, three significant digits).
 */
public final class LoadRecorder {

    private final Recorder latencies = new Recorder(1_000L, 60_000_000_000L, 3);
    private final Histogram total = new Histogram(1_000L, 60_000_000_000L, 3);
    private final LongAdder requests = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Records one finished request: its outcome and, for a success, how long it took. */
    public void record(Outcome outcome, long nanos) {
        requests.increment();
        String kind = outcome.errorKind();
        if (kind == null) {
            ok.increment();
            latencies.recordValue(Math.clamp(nanos, 1_000L, 60_000_000_000L));
        } else {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long ok() {
        return ok.sum();
    }

    /** Errors by kind ({@code status_503}, {@code timeout}, {@code connection}), sorted by kind. */
    public Map<String, Long> errors() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    /** The latencies of every success recorded so far, in nanoseconds. */
    public synchronized Histogram latencies() {
        total.add(latencies.getIntervalHistogram());
        return total.copy();
    }
}
