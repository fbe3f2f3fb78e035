package dev.sextant.indexer;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Lets a query's embedding go first: indexing embeds one passage at a time and, before each, waits while queries
 * are being embedded, at most {@code maxWait} so that a steady stream of queries cannot stop a sync. On two cores a
 * query then shares the CPU with at most one passage instead of queueing behind a batch.
 */
final class QueryPriority {

    private final long maxWaitNanos;
    private int queries;

    QueryPriority(Duration maxWait) {
        this.maxWaitNanos = maxWait.toNanos();
    }

    <T> T query(Supplier<T> embedding) {
        synchronized (this) {
            queries++;
        }
        try {
            return embedding.get();
        } finally {
            synchronized (this) {
                if (--queries == 0) {
                    notifyAll();
                }
            }
        }
    }

    /** Returns when no query is being embedded, or after the longest wait; keeps an interrupt for the caller. */
    synchronized void awaitNoQueries() {
        long deadline = System.nanoTime() + maxWaitNanos;
        try {
            for (long left = maxWaitNanos; queries > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
