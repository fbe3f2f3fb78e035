package dev.sextant.connectors;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What a connector writes into during one sync. The implementation (the indexer) makes the result durable
 * only when the sync completes, together with the {@linkplain #checkpoint(String) checkpoint}, so a crash
 * mid-sync leaves the previous consistent state and the next sync simply redoes the work.
 */
public interface SyncSession {

    /** Document id to {@link SourceDocument#version()} for every document of this connector as last indexed. */
    Map<String, String> knownVersions() throws IOException;

    /** The cursor the connector saved at the end of its last completed sync, if any. */
    Optional<String> checkpoint();

    /** Saves a cursor (e.g. a changes token) to be returned by {@link #checkpoint()} next time. */
    void checkpoint(String cursor);

    /** Tells how many documents this sync will look at, when the connector knows; for progress only. */
    default void discovered(int documents) {
    }

    /** Tells that a known document was found exactly as indexed, so it was not read again. */
    default void unchanged(String documentId) {
    }

    void upsert(SourceDocument document) throws IOException;

    void delete(String documentId) throws IOException;

    /** Records an item the connector could not or would not index, with a reason a person can act on. */
    void skip(String location, String reason);
}
