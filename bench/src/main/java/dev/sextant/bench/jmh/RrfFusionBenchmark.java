package dev.sextant.bench.jmh;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.RrfFusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Fusing a BM25 and a dense list of {@code depth} candidates each, half of them in both, as hybrid search does. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RrfFusionBenchmark {

    @Param({"100", "300"})
    public int depth;

    private final RrfFusion fusion = new RrfFusion(60);
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
    public List<Candidate> fuse() {
        return fusion.fuse(rankings);
    }
}
