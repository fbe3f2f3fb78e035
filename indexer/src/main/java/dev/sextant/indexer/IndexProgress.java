package dev.sextant.indexer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of a running sync, safe to read from another thread (the API, a progress bar). */
public final class IndexProgress {

    public enum State { IDLE, SYNCING, DONE, FAILED }

    /** A consistent-enough copy of the counters at one moment. */
    public record Snapshot(State state, String connectorId, int discovered, int processed, int upserted,
                           int deleted, int aclUpdated, int unchanged, int skipped, int chunksEmbedded, int chunksReused,
                           String error) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    private final AtomicReference<String> connectorId = new AtomicReference<>("");
    private final AtomicReference<String> error = new AtomicReference<>();
    final AtomicInteger discovered = new AtomicInteger();
    final AtomicInteger processed = new AtomicInteger();
    final AtomicInteger upserted = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    final AtomicInteger aclUpdated = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger chunksEmbedded = new AtomicInteger();
    final AtomicInteger chunksReused = new AtomicInteger();

    void start(String connector) {
        connectorId.set(connector);
        error.set(null);
        for (AtomicInteger counter : new AtomicInteger[] {discovered, processed, upserted, deleted, aclUpdated, unchanged, skipped,
                chunksEmbedded, chunksReused}) {
            counter.set(0);
        }
        state.set(State.SYNCING);
    }

    void finish(Throwable failure) {
        if (failure != null) {
            error.set(String.valueOf(failure.getMessage()));
        }
        state.set(failure == null ? State.DONE : State.FAILED);
    }

    public Snapshot snapshot() {
        return new Snapshot(state.get(), connectorId.get(), discovered.get(), processed.get(), upserted.get(),
                deleted.get(), aclUpdated.get(), unchanged.get(), skipped.get(), chunksEmbedded.get(), chunksReused.get(), error.get());
    }
}
