package dev.sextant.indexer;

import dev.sextant.connectors.Connector;
import java.io.IOException;
import java.time.Duration;

/**
 * Runs connectors into the index: one sync at a time, committed with its checkpoint when it completes.
 * A sync that fails or is interrupted leaves no new checkpoint, so the next one redoes its work.
 */
public final class Indexer {

    private final ChunkIndex index;
    private final Chunker chunker;
    private final Embedder embedder;
    private final IndexerOptions options;
    private final IndexProgress progress = new IndexProgress();

    public Indexer(ChunkIndex index, Chunker chunker, Embedder embedder, IndexerOptions options) {
        this.index = index;
        this.chunker = chunker;
        this.embedder = embedder;
        this.options = options;
    }

    public IndexProgress progress() {
        return progress;
    }

    public synchronized SyncReport sync(Connector connector, ProgressListener listener)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        progress.start(connector.id());
        listener.onProgress(progress.snapshot());
        IndexingSession session = new IndexingSession(connector.id(), index, chunker, embedder, options, progress,
                listener);
        try {
            connector.sync(session);
            session.finish();
            progress.finish(null);
            return session.report(Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | InterruptedException | RuntimeException e) {
            progress.finish(e);
            throw e;
        } finally {
            listener.onProgress(progress.snapshot());
        }
    }
}
