package dev.sextant.indexer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-en-v1.5 (int8 quantized), run in-process by ONNX Runtime from the LangChain4j jar: no model
 * download, no network. Queries get the instruction prefix the model was trained with; passages do not.
 */
public final class BgeSmallEmbedder implements Embedder {

    public static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    /** Names the model and its quantization; what an index records its vectors were made with. */
    public static final String MODEL_ID = "bge-small-en-v1.5-q";

    /** One passage's inference takes 20-80 ms here: a query waits for at most the one running. */
    private static final Duration LONGEST_PASSAGE_WAIT = Duration.ofMillis(250);

    private final EmbeddingModel model;
    private final QueryPriority priority = new QueryPriority(LONGEST_PASSAGE_WAIT);

    public BgeSmallEmbedder() {
        this(new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    BgeSmallEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return 384;
    }

    /**
     * One passage at a time, on the calling thread: ONNX Runtime already spreads each inference over every core,
     * and running several at once oversubscribes them (on two cores, one at a time embedded 7-17% more passages a
     * second, and steadily; see docs/benchmarks.md). Between passages, queries being embedded go first.
     */
    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (String passage : passages) {
            priority.awaitNoQueries();
            vectors.add(unit(model.embed(TextSegment.from(passage)).content()));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return priority.query(() -> unit(model.embed(QUERY_PREFIX + query).content()));
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
