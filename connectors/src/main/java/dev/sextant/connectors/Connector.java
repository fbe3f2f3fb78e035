package dev.sextant.connectors;

import java.io.IOException;

/** Pulls documents and who may read them out of one source instance into a {@link SyncSession}. */
public interface Connector {

    /** Stable id of this connector instance (e.g. {@code fs:/srv/share}); the index groups documents by it. */
    String id();

    /**
     * Brings the index up to date with the source: upserts what is new or changed, deletes what is gone,
     * reports what it had to skip. Must be safe to rerun after a crash at any point.
     */
    void sync(SyncSession session) throws IOException, InterruptedException;
}
