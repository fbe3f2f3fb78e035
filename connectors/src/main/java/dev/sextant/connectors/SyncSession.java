package dev.sextant.connectors;

import dev.sextant.acl.Acl;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What a connector writes into during one sync. The implementation (the indexer) commits what it was given
 * every so often during a long sync and when the sync completes, each time together with the latest
 * {@linkplain #checkpoint(String) checkpoint} the connector saved, never with a checkpoint ahead of the
 * documents it covers. A crash loses at most what was handed over since the last commit; the next sync
 * starts from the last committed checkpoint and the versions then indexed, and redoes that work.
 */
public interface SyncSession {

    /** Document id to {@link SourceDocument#version()} for every document of this connector as last indexed. */
    Map<String, String> knownVersions() throws IOException;

    /** The cursor last committed with this connector's documents (at the end of a sync, or during one), if any. */
    Optional<String> checkpoint();

    /**
     * Saves a cursor (e.g. a changes token) to be returned by {@link #checkpoint()} next time: it must cover
     * only what the connector has already handed to this session.
     */
    void checkpoint(String cursor);

    /** Tells how many documents this sync will look at, when the connector knows; for progress only. */
    default void discovered(int documents) {
    }

    /** Tells that a known document was found exactly as indexed, so it was not read again. */
    default void unchanged(String documentId) {
    }

    void upsert(SourceDocument document) throws IOException;

    void delete(String documentId) throws IOException;

    /**
     * Gives an indexed document a new ACL and version while its content stays as indexed: nothing is re-read or
     * re-embedded.
     *
     * @return false when the index holds no such document (then the caller must upsert it)
     */
    boolean updateAcl(String documentId, Acl acl, String version) throws IOException;

    /** Records an item the connector could not or would not index, with a reason a person can act on. */
    void skip(String location, String reason);
}
