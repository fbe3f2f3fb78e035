package dev.sextant.bench;

import dev.sextant.indexer.Embedder;
import dev.sextant.retriever.Bm25Retriever;
import dev.sextant.reranker.SearchSettings;
import dev.sextant.retriever.DenseRetriever;
import dev.sextant.retriever.HybridRetriever;
import dev.sextant.retriever.Retriever;
import java.util.Arrays;
import java.util.Locale;

/** A retrieval pipeline to evaluate, wired from the production retrievers, and the score stage it ranks by. */
enum EvalMode {

    BM25("bm25", Bm25Retriever.STAGE),
    DENSE("dense", DenseRetriever.STAGE),
    HYBRID("hybrid", null),
    /** Hybrid, then the fine stages (cross-encoder, LLM) of {@link CascadeArgs}; ranked by their final order. */
    CASCADE("cascade", null);

    final String label;
    private final String stage;

    EvalMode(String label, String stage) {
        this.label = label;
        this.stage = stage;
    }

    /** The key in {@code Candidate.scores()} that holds this pipeline's final score under these settings. */
    String scoreStage(SearchSettings settings) {
        return stage != null ? stage : settings.fusionFunction().stage();
    }

    /** The coarse stage of this mode, built from the production settings. */
    Retriever retriever(Embedder embedder, SearchSettings settings) {
        return switch (this) {
            case BM25 -> new Bm25Retriever();
            case DENSE -> new DenseRetriever(embedder);
            case HYBRID, CASCADE -> HybridRetriever.bm25AndDense(embedder, settings.fusionFunction());
        };
    }

    static EvalMode parse(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(l)).findFirst()
                .orElseThrow(() -> new UsageException("unknown mode '" + label + "'; modes are "
                        + Arrays.stream(values()).map(m -> m.label).toList()));
    }
}
