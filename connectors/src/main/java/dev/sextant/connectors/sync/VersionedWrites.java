package dev.sextant.connectors.sync;

import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.SlimDocument;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A connector's writes as the index should see them: a document offered with the content the index holds costs
 * nothing (or an ACL-only update), only new content is handed to the session, and the versions written so far
 * are tracked here, since the session's own view lags behind its queue.
 */
final class VersionedWrites implements ChangeSink {

    private final SyncSession session;
    private final Map<String, String> versions;
    private final Set<String> seen = new HashSet<>();

    VersionedWrites(SyncSession session) throws IOException {
        this.session = session;
        this.versions = new HashMap<>(session.knownVersions());
    }

    @Override
    public boolean offer(SlimDocument document) throws IOException {
        seen.add(document.id());
        String stored = versions.get(document.id());
        if (stored == null) {
            return true;
        }
        StoredVersion indexed = StoredVersion.parse(stored);
        if (!indexed.content().equals(document.version())) {
            return true;
        }
        if (indexed.sameAcl(document.acl())) {
            session.unchanged(document.id());
            return false;
        }
        String version = StoredVersion.of(document.version(), document.acl()).format();
        if (!session.updateAcl(document.id(), document.acl(), version)) {
            versions.remove(document.id());
            return true;
        }
        versions.put(document.id(), version);
        return false;
    }

    /** Whether the index has this document's content at this version (its ACL aside). */
    boolean hasContent(SlimDocument document) {
        String stored = versions.get(document.id());
        return stored != null && StoredVersion.parse(stored).content().equals(document.version());
    }

    @Override
    public void upsert(SourceDocument d) throws IOException {
        seen.add(d.id());
        String version = StoredVersion.of(d.version(), d.acl()).format();
        session.upsert(new SourceDocument(d.id(), d.source(), d.title(), d.body(), d.url(), d.updated(), d.acl(),
                version));
        versions.put(d.id(), version);
    }

    @Override
    public void skip(String documentId, String reason) {
        seen.add(documentId);
        session.skip(documentId, reason);
    }

    @Override
    public void discovered(int documents) {
        session.discovered(documents);
    }

    @Override
    public void delete(String documentId) throws IOException {
        if (versions.remove(documentId) != null) {
            session.delete(documentId);
        }
    }

    @Override
    public void checkpoint(String cursor) {
        session.checkpoint(new SyncCheckpoint(cursor).format());
    }

    /** The documents indexed now, by id, with the versions written. */
    Set<String> indexed() {
        return Set.copyOf(versions.keySet());
    }

    /** Ids offered, upserted or skipped since {@link #forget()}. */
    Set<String> seen() {
        return seen;
    }

    void forget() {
        seen.clear();
    }
}
