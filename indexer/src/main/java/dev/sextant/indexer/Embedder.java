package dev.sextant.indexer;

import java.util.List;

/** Turns text into unit-length vectors; passages and queries may be embedded differently. */
public interface Embedder {

    int dimension();

    /** One vector per passage, in order. */
    List<float[]> embedPassages(List<String> passages);

    float[] embedQuery(String query);

    /** Names the model and its settings; part of the key under which built indexes are cached. */
    String modelId();
}
