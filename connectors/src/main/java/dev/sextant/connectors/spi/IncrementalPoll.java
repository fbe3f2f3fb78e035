package dev.sextant.connectors.spi;

import java.io.IOException;

/** Reads only what changed since a cursor: a changes token, a timestamp, a revision id. */
public interface IncrementalPoll {

    /**
     * A cursor that means "now", taken by the framework <em>before</em> a full load, so that what changes during
     * the load is polled next time.
     */
    String currentCursor() throws IOException, InterruptedException;

    /**
     * Hands over everything changed since {@code cursor}: new and changed documents, and deletions (including
     * documents the connector may no longer read). It may {@linkplain ChangeSink#checkpoint save} intermediate
     * cursors; a crash resumes from the last one the index committed.
     *
     * @return the cursor to poll from next time
     */
    String poll(String cursor, ChangeSink sink) throws IOException, InterruptedException;
}
