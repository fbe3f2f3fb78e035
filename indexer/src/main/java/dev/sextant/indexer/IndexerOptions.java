package dev.sextant.indexer;

import java.time.Duration;

/**
 * @param embedBatchSize  chunks embedded per call to the model, across documents
 * @param commitEveryDocs documents between intermediate commits of a long sync (progress survives a crash)
 * @param refreshEvery    how often what a long sync wrote becomes searchable between commits
 */
public record IndexerOptions(int embedBatchSize, int commitEveryDocs, Duration refreshEvery) {

    public static IndexerOptions defaults() {
        return new IndexerOptions(32, 1000, Duration.ofSeconds(3));
    }
}
