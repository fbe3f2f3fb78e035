package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An in-memory index for connector tests: holds the documents across syncs and records what the latest
 * sync did (upserts, deletes, skips). Call {@link #startSync()} between syncs to clear the record.
 */
final class RecordingSyncSession implements SyncSession {

    record Skip(String location, String reason) {
    }

    private final Map<String, SourceDocument> documents = new TreeMap<>();
    private final List<SourceDocument> upserts = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private String checkpoint;

    void startSync() {
        upserts.clear();
        deletes.clear();
        skips.clear();
    }

    @Override
    public Map<String, String> knownVersions() {
        return documents.values().stream().collect(Collectors.toMap(SourceDocument::id, SourceDocument::version));
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void checkpoint(String cursor) {
        checkpoint = cursor;
    }

    @Override
    public void upsert(SourceDocument document) {
        documents.put(document.id(), document);
        upserts.add(document);
    }

    @Override
    public void delete(String documentId) {
        documents.remove(documentId);
        deletes.add(documentId);
    }

    @Override
    public boolean updateAcl(String documentId, Acl acl, String version) {
        SourceDocument d = documents.get(documentId);
        if (d == null) {
            return false;
        }
        documents.put(documentId, new SourceDocument(d.id(), d.source(), d.title(), d.body(), d.url(), d.updated(),
                acl, version));
        return true;
    }

    @Override
    public void skip(String location, String reason) {
        skips.add(new Skip(location, reason));
    }

    Map<String, SourceDocument> documents() {
        return documents;
    }

    List<SourceDocument> upserts() {
        return upserts;
    }

    List<String> deletes() {
        return deletes;
    }

    List<Skip> skips() {
        return skips;
    }
}
