package dev.sextant.retriever;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): a document's score is the sum over lists of
 * {@code 1 / (k + rank)}. Rank-based, so BM25 and cosine scores need no calibration against each other.
 * Each fused candidate keeps the scores every list gave it, and its passage from the first list it was in.
 */
public final class RrfFusion implements Fusion {

    public static final String STAGE = "rrf";

    private final int k;

    public RrfFusion(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.k = k;
    }

    @Override
    public String toString() {
        return "RrfFusion(k=" + k + ")";
    }

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public List<Candidate> fuse(List<List<Candidate>> rankings) {
        FusedCandidates fused = new FusedCandidates();
        Map<String, Double> sums = new HashMap<>();
        for (List<Candidate> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                Candidate c = ranking.get(rank);
                fused.add(c);
                sums.merge(c.docId(), 1.0 / (k + rank + 1), Double::sum);
            }
        }
        return fused.ranked(STAGE, sums::get);
    }
}
