package dev.sextant.reranker;

import dev.sextant.retriever.ConvexFusion;
import dev.sextant.retriever.Fusion;
import dev.sextant.retriever.RrfFusion;

/**
 * How a search ranks, in one place: the gateway and the evaluation command both build their pipeline from
 * one of these, so that what is measured is what is served.
 *
 * @param depth       chunk hits each coarse retriever (BM25, kNN) collects before fusion
 * @param fusion      how their rankings merge
 * @param denseWeight with {@link FusionKind#CONVEX}: the kNN list's weight, BM25's being one minus it
 * @param rrfK        with {@link FusionKind#RRF}: the {@code k} of {@code 1 / (k + rank)}
 * @param denseFloor  the least cosine similarity at which a document that no query word matches still counts
 *                    as found: below it, a kNN neighbour is only the nearest of unrelated documents
 */
public record SearchSettings(int depth, FusionKind fusion, double denseWeight, int rrfK, double denseFloor) {

    /** How BM25 and kNN rankings merge. */
    public enum FusionKind {
        /** Standardized scores, weighted ({@link ConvexFusion}). */
        CONVEX,
        /** Reciprocal rank fusion ({@link RrfFusion}). */
        RRF
    }

    /** Tuned on BEIR SciFact's train split; docs/benchmarks.md has the runs. */
    public static final SearchSettings DEFAULTS = new SearchSettings(300, FusionKind.CONVEX, 0.5, 60, 0.57);

    public SearchSettings {
        if (depth < 1) {
            throw new IllegalArgumentException("the depth must be positive, got " + depth);
        }
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException("the dense weight must be within [0, 1], got " + denseWeight);
        }
        if (rrfK < 1) {
            throw new IllegalArgumentException("the RRF k must be positive, got " + rrfK);
        }
        if (!(denseFloor >= -1 && denseFloor <= 1)) {
            throw new IllegalArgumentException("the dense floor is a cosine similarity within [-1, 1], got "
                    + denseFloor);
        }
    }

    public Fusion fusionFunction() {
        return switch (fusion) {
            case CONVEX -> ConvexFusion.bm25AndDense(denseWeight);
            case RRF -> new RrfFusion(rrfK);
        };
    }

    public SearchSettings withDepth(int newDepth) {
        return new SearchSettings(newDepth, fusion, denseWeight, rrfK, denseFloor);
    }

    public SearchSettings withDenseFloor(double newFloor) {
        return new SearchSettings(depth, fusion, denseWeight, rrfK, newFloor);
    }
}
