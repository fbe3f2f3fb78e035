package dev.sextant.bench;

import dev.sextant.connectors.Connector;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.Chunker;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.IndexerOptions;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.indexer.ProgressListener;
import dev.sextant.indexer.SyncReport;
import java.io.IOException;
import java.nio.file.Path;

/** Syncs a connector into a new index with the production {@link Indexer}, and times it. */
final class IndexBuilder {

    /**
     * What one build did: documents upserted, live chunks in the index, chunks embedded, wall seconds of the
     * sync and the seconds of it spent inside the model.
     */
    record Built(int docs, int chunks, int chunksEmbedded, double seconds, double embeddingSeconds) {
    }

    private final Chunker chunker;
    private final Embedder embedder;
    private final ProgressListener progress;

    IndexBuilder(Chunker chunker, Embedder embedder, ProgressListener progress) {
        this.chunker = chunker;
        this.embedder = embedder;
        this.progress = progress;
    }

    Built build(Connector connector, Path indexDir) throws IOException, InterruptedException {
        try (LuceneIndex index = LuceneIndex.open(indexDir, IndexProfile.of(embedder, chunker))) {
            return sync(connector, index);
        }
    }

    /**
     * Syncs the connector into another backend's index, taking the vector of every chunk {@code donor} already
     * holds instead of embedding it again: the same chunks and vectors as the built Lucene index.
     */
    Built copy(Connector connector, ChunkIndex target, LuceneIndex donor) throws IOException, InterruptedException {
        return sync(connector, new VectorLendingIndex(target, donor));
    }

    private Built sync(Connector connector, ChunkIndex index) throws IOException, InterruptedException {
        Indexer indexer = new Indexer(index, chunker, embedder, IndexerOptions.defaults());
        long start = System.nanoTime();
        SyncReport report = indexer.sync(connector, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report.skipped().isEmpty()) {
            throw new IllegalStateException("the indexer skipped " + report.skipped().size()
                    + " documents, e.g. " + report.skipped().getFirst());
        }
        return new Built(report.upserted(), index.chunkCount(), report.chunksEmbedded(), seconds,
                report.embedding().toNanos() / 1e9);
    }
}
