package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.Chunker;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.HeadingAwareChunker;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.reranker.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins BM25 on BEIR SciFact (test split), indexed through the production connector-to-index path with the
 * production chunker: a change to analysis, chunking, the schema or the BM25 parameters that moves ranking
 * fails here, in seconds, without embeddings. Indexed as whole documents, it must reproduce Anserini's BM25
 * flat exactly (nDCG@10 0.6789, R@100 0.9253); ranking documents by their best 200-word chunk, as production
 * does, scores a little higher. Update the pinned figures, and {@code docs/benchmarks.md}, only with a
 * ranking change made on purpose.
 */
class SciFactBm25RegressionTest {

    static final double PINNED_NDCG_10 = 0.6868;
    static final double PINNED_RECALL_100 = 0.9236;
    static final double TOLERANCE = 0.0005;
    static final double ANSERINI_BM25_FLAT_NDCG_10 = 0.6789;
    static final double ANSERINI_BM25_FLAT_RECALL_100 = 0.9253;

    /** One chunk a document, its whole text: how Anserini indexes SciFact. */
    private static final Chunker WHOLE_DOCUMENTS = (title, body) -> List.of(new ChunkText("", body));

    @TempDir
    Path dir;

    /** BM25 reads no vector: a fixed unit vector keeps the schema whole without running the model. */
    private static final class NoModel implements Embedder {
        public int dimension() {
            return 2;
        }

        public List<float[]> embedPassages(List<String> passages) {
            return passages.stream().map(p -> new float[] {1, 0}).toList();
        }

        public float[] embedQuery(String query) {
            throw new UnsupportedOperationException("a BM25 run embeds no query");
        }

        public String modelId() {
            return "none";
        }
    }

    @Test
    void bm25OnSciFactMatchesThePinnedFigures() throws Exception {
        BeirDataset test = sciFactTest();
        ModeResult bm25 = bm25(test, HeadingAwareChunker.defaults(), dir.resolve("chunked"));

        assertThat(test.queries()).hasSize(300);
        assertThat(bm25.failed()).isZero();
        assertThat(bm25.ndcg10()).isCloseTo(PINNED_NDCG_10, within(TOLERANCE));
        assertThat(bm25.recall100()).isCloseTo(PINNED_RECALL_100, within(TOLERANCE));
    }

    @Test
    void wholeDocumentBm25ReproducesAnserini() throws Exception {
        ModeResult bm25 = bm25(sciFactTest(), WHOLE_DOCUMENTS, dir.resolve("whole"));

        assertThat(bm25.ndcg10()).isCloseTo(ANSERINI_BM25_FLAT_NDCG_10, within(TOLERANCE));
        assertThat(bm25.recall100()).isCloseTo(ANSERINI_BM25_FLAT_RECALL_100, within(TOLERANCE));
    }

    private static BeirDataset sciFactTest() throws Exception {
        Optional<Path> scifact = sharedSciFact();
        assumeTrue(scifact.isPresent(), "skipped: BEIR SciFact not found (looked for shared/datasets/beir-scifact "
                + "beside the project and above; set -Dsextant.scifact=DIR to point at it)");
        return BeirDataset.load(scifact.get(), "test");
    }

    private static ModeResult bm25(BeirDataset test, Chunker chunker, Path indexDir) throws Exception {
        new IndexBuilder(chunker, new NoModel(), p -> { })
                .build(new BeirCorpusConnector(test.name(), test.corpus(), Integer.MAX_VALUE), indexDir);
        try (LuceneIndex index = LuceneIndex.open(indexDir, IndexProfile.of(new NoModel(), chunker))) {
            ModeRunner runner = new ModeRunner(index, new NoModel(), SearchSettings.DEFAULTS, 0);
            return ModeResult.of(runner.run(EvalMode.BM25, test.queries()));
        }
    }

    static Optional<Path> sharedSciFact() {
        String configured = System.getProperty("sextant.scifact");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        return Stream.iterate(Path.of("").toAbsolutePath(), p -> p != null, Path::getParent)
                .map(p -> p.resolve("shared").resolve("datasets").resolve("beir-scifact"))
                .filter(p -> Files.isRegularFile(p.resolve("corpus.jsonl")))
                .findFirst();
    }
}
