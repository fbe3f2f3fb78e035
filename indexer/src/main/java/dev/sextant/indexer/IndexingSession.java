package dev.sextant.indexer;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connector's sync into the index. Upserted documents are chunked at once and queued; their new chunks
 * are embedded in batches across documents, while chunks whose content hash the index already has reuse
 * the stored vector, so an ACL-only change costs no embedding. A document that cannot be chunked is a
 * recorded skip, never the end of the sync.
 *
 * <p>Every {@link IndexerOptions#commitEveryDocs()} documents the queue is flushed and the index committed
 * with the connector's latest checkpoint, which therefore never runs ahead of the documents it covers; in
 * between, what was written is made searchable every {@link IndexerOptions#refreshEvery()}.
 */
final class IndexingSession implements SyncSession {

    private final String connectorId;
    private final ChunkIndex index;
    private final Chunker chunker;
    private final Embedder embedder;
    private final IndexerOptions options;
    private final IndexProgress progress;
    private final ProgressListener listener;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final List<SyncReport.Skipped> skipped = new ArrayList<>();
    private final String initialCheckpoint;
    private String checkpoint;
    private int pendingNewChunks;
    private int sinceCommit;
    private long embeddingNanos;
    private long lastRefresh = System.nanoTime();

    /** A document waiting for its new chunks' vectors; {@code vectors[i]} is null until embedded. */
    private record Pending(SourceDocument document, List<ChunkText> chunks, List<String> hashes, float[][] vectors) {
    }

    IndexingSession(String connectorId, ChunkIndex index, Chunker chunker, Embedder embedder,
                    IndexerOptions options, IndexProgress progress, ProgressListener listener) throws IOException {
        this.connectorId = connectorId;
        this.index = index;
        this.chunker = chunker;
        this.embedder = embedder;
        this.options = options;
        this.progress = progress;
        this.listener = listener;
        this.initialCheckpoint = index.checkpoint(connectorId).orElse(null);
        index.refresh();
    }

    @Override
    public Map<String, String> knownVersions() throws IOException {
        return index.knownVersions(connectorId);
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(initialCheckpoint);
    }

    @Override
    public void checkpoint(String cursor) {
        this.checkpoint = cursor;
    }

    @Override
    public void discovered(int documents) {
        progress.discovered.set(documents);
        listener.onProgress(progress.snapshot());
    }

    @Override
    public void unchanged(String documentId) {
        progress.unchanged.incrementAndGet();
        progress.processed.incrementAndGet();
        listener.onProgress(progress.snapshot());
    }

    @Override
    public void upsert(SourceDocument document) throws IOException {
        if (document.acl().clauses().size() > ChunkIndex.MAX_ACL_CLAUSES) {
            index.delete(document.id());
            skip(document.id(), "ACL has " + document.acl().clauses().size() + " clauses, more than the "
                    + ChunkIndex.MAX_ACL_CLAUSES + " supported; left out of the index (fail closed)");
            return;
        }
        List<ChunkText> chunks;
        try {
            chunks = chunker.chunk(document.title(), document.body());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            index.delete(document.id());
            skip(document.id(), "could not be cut into passages (" + e + "); left out of the index");
            return;
        }
        List<String> hashes = chunks.stream().map(c -> hash(c.contextualized(document.title()))).toList();
        Map<String, float[]> existing = index.vectorsOf(document.id());
        float[][] vectors = new float[chunks.size()][];
        for (int i = 0; i < chunks.size(); i++) {
            vectors[i] = existing.get(hashes.get(i));
            if (vectors[i] == null) {
                pendingNewChunks++;
            } else {
                progress.chunksReused.incrementAndGet();
            }
        }
        pending.put(document.id(), new Pending(document, chunks, hashes, vectors));
        progress.upserted.incrementAndGet();
        if (pendingNewChunks >= options.embedBatchSize()) {
            flush();
        } else if (pendingNewChunks == 0) {
            write();
        }
    }

    @Override
    public void delete(String documentId) throws IOException {
        pending.remove(documentId);
        index.delete(documentId);
        progress.deleted.incrementAndGet();
        processed(1);
    }

    @Override
    public boolean updateAcl(String documentId, Acl acl, String version) throws IOException {
        if (acl.clauses().size() > ChunkIndex.MAX_ACL_CLAUSES) {
            index.delete(documentId);
            skip(documentId, "ACL has " + acl.clauses().size() + " clauses, more than the "
                    + ChunkIndex.MAX_ACL_CLAUSES + " supported; left out of the index (fail closed)");
            return true;
        }
        Pending queued = pending.get(documentId);
        if (queued != null) {
            SourceDocument d = queued.document();
            pending.put(documentId, new Pending(new SourceDocument(d.id(), d.source(), d.title(), d.body(), d.url(),
                    d.updated(), acl, version), queued.chunks(), queued.hashes(), queued.vectors()));
            return true;
        }
        if (!index.updateAcl(documentId, acl, version)) {
            return false;
        }
        progress.aclUpdated.incrementAndGet();
        processed(1);
        return true;
    }

    @Override
    public void skip(String location, String reason) {
        skipped.add(new SyncReport.Skipped(location, reason));
        progress.skipped.incrementAndGet();
        progress.processed.incrementAndGet();
    }

    /** Writes what is queued and commits it with the connector's latest checkpoint. */
    void finish() throws IOException {
        flush();
        index.commit(connectorId, checkpoint);
    }

    SyncReport report(Duration took) {
        var s = progress.snapshot();
        return new SyncReport(connectorId, s.upserted(), s.deleted(), s.aclUpdated(), s.unchanged(), s.chunksEmbedded(),
                s.chunksReused(), List.copyOf(skipped), took, Duration.ofNanos(embeddingNanos));
    }

    private void flush() throws IOException {
        List<String> texts = new ArrayList<>(pendingNewChunks);
        for (Pending p : pending.values()) {
            for (int i = 0; i < p.chunks().size(); i++) {
                if (p.vectors()[i] == null) {
                    texts.add(p.chunks().get(i).contextualized(p.document().title()));
                }
            }
        }
        long start = System.nanoTime();
        List<float[]> embedded = texts.isEmpty() ? List.of() : embedder.embedPassages(texts);
        embeddingNanos += System.nanoTime() - start;
        int next = 0;
        for (Pending p : pending.values()) {
            for (int i = 0; i < p.chunks().size(); i++) {
                if (p.vectors()[i] == null) {
                    p.vectors()[i] = embedded.get(next++);
                }
            }
        }
        progress.chunksEmbedded.addAndGet(texts.size());
        write();
    }

    private void write() throws IOException {
        for (Pending p : pending.values()) {
            List<IndexedChunk> chunks = new ArrayList<>(p.chunks().size());
            for (int i = 0; i < p.chunks().size(); i++) {
                chunks.add(new IndexedChunk(connectorId, p.document(), i, p.chunks().get(i), p.hashes().get(i),
                        p.vectors()[i]));
            }
            index.replace(p.document().id(), chunks);
        }
        int written = pending.size();
        pending.clear();
        pendingNewChunks = 0;
        processed(written);
    }

    private void processed(int documents) throws IOException {
        progress.processed.addAndGet(documents);
        sinceCommit += documents;
        if (sinceCommit >= options.commitEveryDocs()) {
            sinceCommit = 0;
            finish();
            lastRefresh = System.nanoTime();
        } else if (System.nanoTime() - lastRefresh >= options.refreshEvery().toNanos()) {
            index.refresh();
            lastRefresh = System.nanoTime();
        }
        listener.onProgress(progress.snapshot());
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
