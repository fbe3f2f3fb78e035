package dev.sextant.bench;

import java.util.Arrays;

/** Latency percentiles by the nearest-rank method: the p-th percentile is the ⌈p/100 · n⌉-th smallest sample. */
public final class LatencyStats {

    private final long[] sortedNanos;

    public LatencyStats(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latency samples");
        }
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile in milliseconds, {@code 0 < p <= 100}. */
    public double percentileMs(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p * sortedNanos.length / 100); // p * n first: 95 * 20 / 100 is exactly 19
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }
}
