package dev.sextant.indexer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * bge-small-en-v1.5 (int8 quantized), run in-process by ONNX Runtime from the LangChain4j jar: no model
 * download, no network. Queries get the instruction prefix the model was trained with; passages do not.
 */
public final class BgeSmallEmbedder implements Embedder {

    public static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private final EmbeddingModel model;

    /**
     * Embeds one passage at a time: ONNX Runtime already spreads each inference over every core, and running
     * several at once oversubscribes them (on two cores, one at a time embedded 7-17% more passages a second,
     * and steadily; see docs/benchmarks.md).
     */
    /** Names the model and its quantization; what an index records its vectors were made with. */
    public static final String MODEL_ID = "bge-small-en-v1.5-q";

    public BgeSmallEmbedder() {
        this(new BgeSmallEnV15QuantizedEmbeddingModel(Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("bge-small").factory())));
    }

    BgeSmallEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<TextSegment> segments = passages.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(BgeSmallEmbedder::unit).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return unit(model.embed(QUERY_PREFIX + query).content());
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    private static float[] unit(Embedding embedding) {
        float[] v = embedding.vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
