package dev.sextant.indexer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic stand-in for the model: a unit vector from the text's hash, and a count of what it embedded. */
public final class HashEmbedder implements Embedder {

    final AtomicInteger passagesEmbedded = new AtomicInteger();
    private final long delayMillisPerPassage;

    HashEmbedder(long delayMillisPerPassage) {
        this.delayMillisPerPassage = delayMillisPerPassage;
    }

    public HashEmbedder() {
        this(0);
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        passagesEmbedded.addAndGet(passages.size());
        if (delayMillisPerPassage > 0) {
            try {
                Thread.sleep(delayMillisPerPassage * passages.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return passages.stream().map(HashEmbedder::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public String modelId() {
        return "hash-4";
    }

    static float[] vector(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int h = java.util.Arrays.hashCode(b);
        float[] v = {1 + (h & 0xff), 1 + ((h >> 8) & 0xff), 1 + ((h >> 16) & 0xff), 1 + ((h >> 24) & 0xff)};
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
