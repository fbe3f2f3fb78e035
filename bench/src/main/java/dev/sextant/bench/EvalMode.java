package dev.sextant.bench;

import dev.sextant.indexer.Embedder;
import dev.sextant.retriever.Bm25Retriever;
import dev.sextant.retriever.ConvexFusion;
import dev.sextant.retriever.DenseRetriever;
import dev.sextant.retriever.Fusion;
import dev.sextant.retriever.HybridRetriever;
import dev.sextant.retriever.Retriever;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.search.SearcherManager;

/** A retrieval pipeline to evaluate, wired from the production retrievers, and the score stage it ranks by. */
enum EvalMode {

    BM25("bm25", Bm25Retriever.STAGE),
    DENSE("dense", DenseRetriever.STAGE),
    HYBRID("hybrid", ConvexFusion.STAGE);

    /** The fusion production runs by default (gateway: sextant.search.fusion, dense-weight). */
    static Fusion productionFusion() {
        return ConvexFusion.bm25AndDense(ConvexFusion.DENSE_WEIGHT);
    }

    final String label;
    /** The key in {@code Candidate.scores()} that holds this pipeline's final score. */
    final String scoreStage;

    EvalMode(String label, String scoreStage) {
        this.label = label;
        this.scoreStage = scoreStage;
    }

    Retriever retriever(SearcherManager searchers, Embedder embedder) {
        return switch (this) {
            case BM25 -> new Bm25Retriever(searchers);
            case DENSE -> new DenseRetriever(searchers, embedder);
            case HYBRID -> HybridRetriever.bm25AndDense(searchers, embedder, productionFusion());
        };
    }

    static EvalMode parse(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(l)).findFirst()
                .orElseThrow(() -> new UsageException("unknown mode '" + label + "'; modes are "
                        + Arrays.stream(values()).map(m -> m.label).toList()));
    }
}
