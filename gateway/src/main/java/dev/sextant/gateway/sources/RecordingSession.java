package dev.sextant.gateway.sources;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SyncSession} that passes everything to the index's session and, on the way, counts it for the run
 * record (added or updated, deleted, ACL-only, unchanged, skipped) and writes the per-document state in batches
 * of {@value #BATCH}. Call {@link #flush()} when the sync ends, whether it completed or not: the index may have
 * committed what was handed over.
 */
public final class RecordingSession implements SyncSession {

    static final int BATCH = 500;

    private final SyncSession delegate;
    private final RunRecorder recorder;
    private final DocumentStates states;
    private final String connectorId;
    private final long runId;
    private final List<DocumentStates.Change> batch = new ArrayList<>();
    private Set<String> known;

    public RecordingSession(SyncSession delegate, RunRecorder recorder, DocumentStates states, String connectorId,
                            long runId) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.states = states;
        this.connectorId = connectorId;
        this.runId = runId;
    }

    @Override
    public Map<String, String> knownVersions() throws IOException {
        Map<String, String> versions = delegate.knownVersions();
        if (known == null) {
            known = new HashSet<>(versions.keySet());
        }
        return versions;
    }

    @Override
    public Optional<String> checkpoint() {
        return delegate.checkpoint();
    }

    @Override
    public void checkpoint(String cursor) {
        delegate.checkpoint(cursor);
    }

    @Override
    public void discovered(int documents) {
        delegate.discovered(documents);
    }

    @Override
    public void unchanged(String documentId) {
        recorder.unchanged.incrementAndGet();
        delegate.unchanged(documentId);
    }

    @Override
    public void upsert(SourceDocument document) throws IOException {
        delegate.upsert(document);
        if (known().add(document.id())) {
            recorder.added.incrementAndGet();
        } else {
            recorder.updated.incrementAndGet();
        }
        record(new DocumentStates.Change(document.id(), document.version(), document.acl().format()));
    }

    @Override
    public void delete(String documentId) throws IOException {
        delegate.delete(documentId);
        known().remove(documentId);
        recorder.deleted.incrementAndGet();
        record(new DocumentStates.Change(documentId, null, null));
    }

    @Override
    public boolean updateAcl(String documentId, Acl acl, String version) throws IOException {
        if (!delegate.updateAcl(documentId, acl, version)) {
            return false;
        }
        recorder.aclUpdated.incrementAndGet();
        record(new DocumentStates.Change(documentId, version, acl.format()));
        return true;
    }

    @Override
    public void skip(String location, String reason) {
        recorder.skip(location, reason);
        delegate.skip(location, reason);
    }

    /** Writes the changes not yet written. */
    public void flush() {
        List<DocumentStates.Change> changes = List.copyOf(batch);
        batch.clear();
        states.apply(connectorId, runId, changes);
    }

    private Set<String> known() throws IOException {
        if (known == null) {
            knownVersions();
        }
        return known;
    }

    private void record(DocumentStates.Change change) {
        batch.add(change);
        if (batch.size() >= BATCH) {
            flush();
        }
    }
}
