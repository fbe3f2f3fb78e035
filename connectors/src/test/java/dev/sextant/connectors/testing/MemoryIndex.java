package dev.sextant.connectors.testing;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.Connector;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An index for connector tests that commits like the real one: a sync's writes become durable every
 * {@link #commitEvery} writes and at its end, each time with the latest checkpoint; a sync that fails (or
 * {@linkplain #crashAfter crashes}) loses what it wrote since. It counts what reached it: content writes (which the
 * real index would chunk and embed), ACL-only writes and deletions.
 */
public final class MemoryIndex {

    /** Thrown by a session told to crash: stands for the process dying between two batches. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(int writes) {
            super("simulated crash after " + writes + " writes");
        }
    }

    private Map<String, SourceDocument> committed = new TreeMap<>();
    private String checkpoint;
    private int commitEvery = Integer.MAX_VALUE;
    private int crashAfter = -1;
    private int contentWrites;
    private int aclWrites;
    private int deletes;
    private int skips;

    public MemoryIndex commitEvery(int writes) {
        this.commitEvery = writes;
        return this;
    }

    /** The next sync dies after this many writes (content, ACL or delete); once. */
    public MemoryIndex crashAfter(int writes) {
        this.crashAfter = writes;
        return this;
    }

    public void sync(Connector connector) throws IOException, InterruptedException {
        Session session = new Session();
        connector.sync(session);
        session.commit();
    }

    /** The documents as last committed, by id. */
    public Map<String, SourceDocument> documents() {
        return Map.copyOf(committed);
    }

    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    public int contentWrites() {
        return contentWrites;
    }

    public int aclWrites() {
        return aclWrites;
    }

    public int deletes() {
        return deletes;
    }

    public int skips() {
        return skips;
    }

    public void resetCounts() {
        contentWrites = aclWrites = deletes = skips = 0;
    }

    private final class Session implements SyncSession {

        private final Map<String, SourceDocument> working = new TreeMap<>(committed);
        private String pendingCheckpoint = checkpoint;
        private int writes;

        @Override
        public Map<String, String> knownVersions() {
            return committed.values().stream().collect(Collectors.toMap(SourceDocument::id, SourceDocument::version));
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.ofNullable(checkpoint);
        }

        @Override
        public void checkpoint(String cursor) {
            pendingCheckpoint = cursor;
        }

        @Override
        public void upsert(SourceDocument document) {
            wrote();
            contentWrites++;
            working.put(document.id(), document);
            maybeCommit();
        }

        @Override
        public boolean updateAcl(String documentId, Acl acl, String version) {
            SourceDocument d = working.get(documentId);
            if (d == null) {
                return false;
            }
            wrote();
            aclWrites++;
            working.put(documentId, new SourceDocument(d.id(), d.source(), d.title(), d.body(), d.url(), d.updated(),
                    acl, version));
            maybeCommit();
            return true;
        }

        @Override
        public void delete(String documentId) {
            wrote();
            deletes++;
            working.remove(documentId);
            maybeCommit();
        }

        @Override
        public void skip(String location, String reason) {
            skips++;
        }

        private void wrote() {
            writes++;
            if (crashAfter >= 0 && writes > crashAfter) {
                crashAfter = -1;
                throw new SimulatedCrash(writes - 1);
            }
        }

        private void maybeCommit() {
            if (writes % commitEvery == 0) {
                commit();
            }
        }

        void commit() {
            committed = new TreeMap<>(working);
            checkpoint = pendingCheckpoint;
        }
    }
}
