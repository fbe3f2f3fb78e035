package dev.sextant.bench.sync;

import dev.sextant.indexer.Embedder;
import java.util.List;

/**
 * Vectors at no cost, from the text's hash, so that a sync's own speed shows with the embedding excluded.
 * Never for search: they mean nothing.
 */
final class FreeEmbedder implements Embedder {

    private static final int DIMENSION = 16;

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return passages.stream().map(FreeEmbedder::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public String modelId() {
        return "free-hash-" + DIMENSION;
    }

    private static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        int h = text.hashCode();
        v[Math.floorMod(h, DIMENSION)] = 1;
        return v;
    }
}
