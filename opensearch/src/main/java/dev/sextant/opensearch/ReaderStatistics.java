package dev.sextant.opensearch;

import java.util.Map;

/**
 * BM25's collection statistics counted over the chunks one reader may read: how many there are (with any
 * text), their total length in terms, and how many contain each query term. What {@code ReaderScopedSearcher}
 * counts for the embedded index, here from one aggregation request on the snapshot.
 */
record ReaderStatistics(long docCount, long sumTotalTermFreq, Map<String, Long> docFreqs) {

    static final float K1 = 0.9f;
    static final float B = 0.4f;

    /** Lucene's BM25 idf; a term no readable chunk holds gets the least statistics Lucene accepts, as there. */
    float idf(String term) {
        long df = Math.max(1, docFreqs.getOrDefault(term, 0L));
        long n = Math.max(docCount, df);
        return (float) Math.log(1 + (n - df + 0.5D) / (df + 0.5D));
    }

    float averageLength() {
        return (float) (sumTotalTermFreq / (double) docCount);
    }
}
