package dev.sextant.gateway.sources;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-document state table: what each connector's documents are in the index (version, ACL), written in
 * batches by {@link RecordingSession}, so that a rebuild of the index knows what exists without asking the sources.
 */
@ApplicationScoped
public class DocumentStates {

    /** A document written ({@code acl} not null) or deleted ({@code acl} null). */
    public record Change(String documentId, String version, String acl) {
    }

    /** One document's row. */
    public record State(String documentId, String version, String acl, Long lastSeenRun) {
    }

    private final EntityManager em;

    DocumentStates(EntityManager em) {
        this.em = em;
    }

    /** Applies one batch of changes in one transaction. */
    public void apply(String connectorId, long runId, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> ids = changes.stream().map(Change::documentId).distinct().toList();
            Map<String, DocumentStateRow> existing = new HashMap<>();
            for (List<String> part : parts(ids)) {
                em.createQuery("from DocumentStateRow where connectorId = :c and documentId in :ids",
                        DocumentStateRow.class).setParameter("c", connectorId).setParameter("ids", part)
                        .getResultList().forEach(r -> existing.put(r.documentId, r));
            }
            for (Change change : changes) {
                DocumentStateRow row = existing.get(change.documentId());
                if (change.acl() == null) {
                    if (row != null) {
                        em.remove(row);
                        existing.remove(change.documentId());
                    }
                    continue;
                }
                if (row == null) {
                    row = new DocumentStateRow();
                    row.connectorId = connectorId;
                    row.documentId = change.documentId();
                    existing.put(change.documentId(), row);
                    row.version = change.version();
                    row.acl = change.acl();
                    row.lastSeenRun = runId;
                    em.persist(row);
                } else {
                    row.version = change.version();
                    row.acl = change.acl();
                    row.lastSeenRun = runId;
                }
            }
        });
    }

    /** After a completed run every document still held was seen by it (written, unchanged or kept as skipped). */
    public void seenBy(String connectorId, long runId) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update DocumentStateRow set lastSeenRun = :r where connectorId = :c")
                .setParameter("r", runId).setParameter("c", connectorId).executeUpdate());
    }

    public List<State> of(String connectorId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from DocumentStateRow where connectorId = :c order by documentId", DocumentStateRow.class)
                .setParameter("c", connectorId).getResultList().stream()
                .map(r -> new State(r.documentId, r.version, r.acl, r.lastSeenRun)).toList());
    }

    public void forget(String connectorId) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "delete from DocumentStateRow where connectorId = :c").setParameter("c", connectorId).executeUpdate());
    }

    private static List<List<String>> parts(List<String> ids) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            parts.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return parts;
    }
}
