package dev.sextant.indexer;

import dev.sextant.acl.Acl;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The index port: what Sextant asks of a search engine, with no engine type in it. The embedded default is
 * {@link dev.sextant.indexer.lucene.LuceneIndex}; a scale-out engine implements the same interface and passes
 * the same contract test.
 *
 * <p>Writes become visible to new {@linkplain #snapshot() snapshots} on {@link #refresh()} or
 * {@link #commit}, and durable only on {@link #commit}, which stores the connector's checkpoint in the same
 * step: a checkpoint is never durable ahead of the documents it covers.
 */
public interface ChunkIndex extends Closeable {

    /** The most ACL clauses a document may have; every engine supports at least this many. */
    int MAX_ACL_CLAUSES = 8;

    /** Replaces every chunk of the document with these; an empty list deletes the document. */
    void replace(String documentId, List<IndexedChunk> chunks) throws IOException;

    /**
     * Gives every chunk of the document a new ACL and version, keeping its text and vectors.
     *
     * @return false when the index holds no such document
     */
    boolean updateAcl(String documentId, Acl acl, String version) throws IOException;

    void delete(String documentId) throws IOException;

    /** Removes every document of the connector and its checkpoint, committed; returns how many documents went. */
    int deleteConnector(String connectorId) throws IOException;

    /** Makes everything written so far durable, together with the connector's checkpoint when not null. */
    void commit(String connectorId, String checkpoint) throws IOException;

    /** Makes what was written visible to new snapshots, without the cost of a durable commit. */
    void refresh() throws IOException;

    /** The connector's checkpoint as last committed. */
    Optional<String> checkpoint(String connectorId);

    /** Document id to version for every document of the connector, as of the last refresh. */
    Map<String, String> knownVersions(String connectorId) throws IOException;

    /** Content hash to vector for the document's chunks as indexed now: what a re-index may reuse. */
    Map<String, float[]> vectorsOf(String documentId) throws IOException;

    /**
     * The document's ACL as indexed now, for an admin asking why someone can or cannot read it; empty when the
     * index holds no such document, {@link Acl#NONE} when its stored ACL cannot be read.
     */
    Optional<Acl> acl(String documentId) throws IOException;

    /** The connectors that have documents in the index. */
    Set<String> connectorIds() throws IOException;

    /** Live chunks, all readers together: for operators, never for a reader. */
    int chunkCount() throws IOException;

    /**
     * A point-in-time view for one search: everything read through it (hits, passages, ACLs) comes from the
     * same state of the index, whatever is written meanwhile. Close it when the search is done.
     */
    IndexSnapshot snapshot() throws IOException;
}
