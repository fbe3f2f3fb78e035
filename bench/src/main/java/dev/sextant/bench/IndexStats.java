package dev.sextant.bench;

/**
 * What building an evaluation index cost, measured when it was built and kept in the cache's
 * {@code stats.json} beside it (Jackson writes the components in snake case).
 *
 * @param seconds              wall time of the connector sync into the index (model load excluded)
 * @param embeddingSeconds     the part of {@code seconds} spent inside the embedding model
 * @param chunksPerS           chunks embedded and written per second of that sync
 * @param embedOnlyChunksPerS  {@code embedPassages} alone on batches of 32 contextualized chunk texts
 * @param peakHeapMb           most heap in use, sampled, from start-up to the end of the build
 */
public record IndexStats(String key, String builtAt, int docs, int chunks, double seconds, double embeddingSeconds,
                         double docsPerS, double chunksPerS, double embedOnlyChunksPerS, double peakHeapMb) {
}
