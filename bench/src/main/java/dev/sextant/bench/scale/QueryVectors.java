package dev.sextant.bench.scale;

import dev.sextant.indexer.Embedder;
import java.util.List;
import java.util.Map;

/** The embedder stand-in: maps each generated query's text to its generated vector; embeds no passage. */
final class QueryVectors implements Embedder {

    private final Map<String, float[]> vectors;
    private final int dimension;

    QueryVectors(Map<String, float[]> vectors, int dimension) {
        this.vectors = Map.copyOf(vectors);
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        throw new UnsupportedOperationException("the scale benchmark writes generated vectors; it embeds no passage");
    }

    @Override
    public float[] embedQuery(String query) {
        float[] v = vectors.get(query);
        if (v == null) {
            throw new IllegalArgumentException("not a generated query: '" + query + "'");
        }
        return v;
    }

    @Override
    public String modelId() {
        return "scale-synthetic-" + dimension;
    }
}
