package dev.sextant.indexer;

/**
 * @param embedBatchSize  chunks embedded per call to the model, across documents
 * @param commitEveryDocs documents between intermediate commits of a long sync (progress survives a crash)
 */
public record IndexerOptions(int embedBatchSize, int commitEveryDocs) {

    public static IndexerOptions defaults() {
        return new IndexerOptions(32, 1000);
    }
}
