package dev.sextant.bench.jmh;

import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.HeadingAwareChunker;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Chunking a Markdown document of {@code words} words with a heading every ~300 words and sentences of ~15. */
public class ChunkerBenchmark extends HotPathBenchmark {

    @Param({"250", "5000"})
    public int words;

    private final HeadingAwareChunker chunker = HeadingAwareChunker.defaults();
    private String body;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        String[] vocabulary = ("replica failover latency budget deploy rollback queue consumer lag partition "
                + "certificate rotation quota tenant region index shard snapshot alert pager runbook").split(" ");
        StringBuilder sb = new StringBuilder("# Operations guide\n");
        for (int i = 1; i <= words; i++) {
            sb.append(vocabulary[random.nextInt(vocabulary.length)]);
            sb.append(i % 15 == 0 ? ".\n" : " ");
            if (i % 300 == 0) {
                sb.append("\n## Section ").append(i / 300).append('\n');
            }
        }
        body = sb.toString();
    }

    @Benchmark
    public List<ChunkText> chunk() {
        return chunker.chunk("Operations guide", body);
    }
}
