package dev.sextant.bench;

import dev.sextant.acl.Acl;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.IndexedChunk;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An index that writes to {@code target} and, for a document the target holds no vectors of, lends the vectors
 * {@code donor} has: what lets the evaluation fill a second backend from the cached Lucene index without
 * running the model again. Closing it closes neither.
 */
final class VectorLendingIndex implements ChunkIndex {

    private final ChunkIndex target;
    private final ChunkIndex donor;

    VectorLendingIndex(ChunkIndex target, ChunkIndex donor) {
        this.target = target;
        this.donor = donor;
    }

    @Override
    public Map<String, float[]> vectorsOf(String documentId) throws IOException {
        Map<String, float[]> own = target.vectorsOf(documentId);
        return own.isEmpty() ? donor.vectorsOf(documentId) : own;
    }

    @Override
    public void replace(String documentId, List<IndexedChunk> chunks) throws IOException {
        target.replace(documentId, chunks);
    }

    @Override
    public boolean updateAcl(String documentId, Acl acl, String version) throws IOException {
        return target.updateAcl(documentId, acl, version);
    }

    @Override
    public void delete(String documentId) throws IOException {
        target.delete(documentId);
    }

    @Override
    public int deleteConnector(String connectorId) throws IOException {
        return target.deleteConnector(connectorId);
    }

    @Override
    public void commit(String connectorId, String checkpoint) throws IOException {
        target.commit(connectorId, checkpoint);
    }

    @Override
    public void refresh() throws IOException {
        target.refresh();
    }

    @Override
    public Optional<String> checkpoint(String connectorId) {
        return target.checkpoint(connectorId);
    }

    @Override
    public Map<String, String> knownVersions(String connectorId) throws IOException {
        return target.knownVersions(connectorId);
    }

    @Override
    public Optional<Acl> acl(String documentId) throws IOException {
        return target.acl(documentId);
    }

    @Override
    public Set<String> connectorIds() throws IOException {
        return target.connectorIds();
    }

    @Override
    public int chunkCount() throws IOException {
        return target.chunkCount();
    }

    @Override
    public IndexSnapshot snapshot() throws IOException {
        return target.snapshot();
    }

    @Override
    public void close() {
        // the caller owns both indexes
    }
}
