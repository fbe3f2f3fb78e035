package dev.sextant.indexer;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.Connector;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector over documents held in memory, resumable as a paging API connector is: documents go out in
 * order, the checkpoint after each is its position, and a sync starts after the committed position (then
 * deletes what the source no longer has). A {@code failAfter} makes it throw after that many documents.
 */
final class ListConnector implements Connector {

    final Map<String, SourceDocument> documents = new LinkedHashMap<>();
    int failAfter = Integer.MAX_VALUE;

    @Override
    public String id() {
        return "list";
    }

    void put(String id, Acl acl, String version, String body) {
        documents.put(id, new SourceDocument(id, "test", "Title " + id, body, "https://x.example/" + id,
                Instant.EPOCH, acl, version));
    }

    @Override
    public void sync(SyncSession session) throws IOException, InterruptedException {
        int start = session.checkpoint().map(c -> c.startsWith("page:") ? Integer.parseInt(c.substring(5)) : 0)
                .orElse(0);
        Map<String, String> known = session.knownVersions();
        int position = 0;
        for (SourceDocument doc : documents.values()) {
            if (position >= start) {
                if (position - start >= failAfter) {
                    throw new IOException("the source went away after " + failAfter + " documents");
                }
                if (doc.version().equals(known.get(doc.id()))) {
                    session.unchanged(doc.id());
                } else {
                    session.upsert(doc);
                }
                session.checkpoint("page:" + (position + 1));
            }
            position++;
        }
        Set<String> present = documents.keySet();
        for (String id : known.keySet()) {
            if (!present.contains(id)) {
                session.delete(id);
            }
        }
        session.checkpoint("page:0");
    }

    Optional<SourceDocument> get(String id) {
        return Optional.ofNullable(documents.get(id));
    }
}
