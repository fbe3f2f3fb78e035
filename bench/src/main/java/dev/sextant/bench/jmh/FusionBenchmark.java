package dev.sextant.bench.jmh;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.ConvexFusion;
import dev.sextant.retriever.RrfFusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Fusing a BM25 and a dense list of {@code depth} candidates each, half of them in both, as hybrid search does. */
public class FusionBenchmark extends HotPathBenchmark {

    @Param({"100", "300"})
    public int depth;

    private final RrfFusion rrf = new RrfFusion(60);
    private final ConvexFusion convex = ConvexFusion.bm25AndDense(ConvexFusion.DENSE_WEIGHT);
    private List<List<Candidate>> rankings;

    @Setup
    public void setUp() {
        List<Candidate> bm25 = new ArrayList<>(depth);
        List<Candidate> dense = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            bm25.add(candidate("doc" + i, "bm25", depth - i));
            dense.add(candidate("doc" + (i % 2 == 0 ? i : depth + i), "dense", 1f - i / (float) depth));
        }
        rankings = List.of(bm25, dense);
    }

    private static Candidate candidate(String id, String stage, float score) {
        return new Candidate(id, id + "#0", "public", Map.of(stage, score));
    }

    @Benchmark
    public List<Candidate> rrf() {
        return rrf.fuse(rankings);
    }

    @Benchmark
    public List<Candidate> convex() {
        return convex.fuse(rankings);
    }
}
