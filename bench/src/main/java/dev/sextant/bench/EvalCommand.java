package dev.sextant.bench;

import dev.sextant.indexer.BgeSmallEmbedder;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.ConsoleProgressBar;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.HeadingAwareChunker;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.lucene.IndexSchema;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.opensearch.OpenSearchIndex;
import dev.sextant.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Sextant's coarse retrieval on a BEIR dataset, end to end through the production code: the
 * corpus goes through a {@link BeirCorpusConnector} into the {@code Indexer} (heading-aware chunks,
 * bge-small embeddings, Lucene), queries through the production parser and retrievers. Writes a JSON report
 * (quality by trec_eval's definitions, latency, indexing cost) and prints a table.
 *
 * <pre>
 * ./sextant eval --dataset ../shared/datasets/beir-scifact --modes bm25,dense,hybrid --out report.json
 * </pre>
 *
 * The built index is cached by {@link IndexCache} key, so a second run costs only the queries.
 */
public final class EvalCommand {

    /** The chunker the indexer uses in production, and how the cache key names it. */
    static final String CHUNKER_SETTINGS = "HeadingAwareChunker.defaults() (200 words, 40 overlap)";

    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new EvalCommand(System.out, System.err).run(args));
    }

    /** Runs the evaluation; returns the exit status (0 done, 1 failed, 2 bad arguments or dataset). */
    int run(String[] args) {
        EvalArgs options;
        try {
            options = EvalArgs.parse(args);
        } catch (UsageException e) {
            return UsageException.report(e, err, EvalArgs.USAGE);
        }
        try (HeapMonitor heap = new HeapMonitor()) {
            evaluate(options, heap);
            return 0;
        } catch (DatasetException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("error: evaluation failed: " + e);
            e.printStackTrace(err);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    private void evaluate(EvalArgs options, HeapMonitor heap) throws IOException, InterruptedException {
        long start = System.nanoTime();
        BeirDataset dataset = BeirDataset.load(options.dataset(), options.split());
        if (options.truncated()) {
            err.println("warning: --max-docs " + options.maxDocs() + ": only the first documents of the corpus are "
                    + "indexed; relevant documents past them cannot be found, so the figures are for plumbing checks "
                    + "and are not comparable with published ones");
        }
        HeadingAwareChunker chunker = HeadingAwareChunker.defaults();
        Embedder embedder = new BgeSmallEmbedder();
        IndexCache cache = new IndexCache(options.cache());
        String key = IndexCache.key(IndexCache.sha256Hex(dataset.corpus()), options.maxDocs(), embedder.modelId(),
                IndexCache.chunkerSettings(CHUNKER_SETTINGS, chunker));

        var cachedStats = cache.lookup(key);
        IndexStats stats;
        if (cachedStats.isPresent()) {
            stats = cachedStats.get();
            err.println("index: cached at " + cache.folder(key));
        } else {
            stats = build(options, dataset, cache, key, chunker, embedder, heap);
        }

        List<ModeResult> results = new ArrayList<>();
        int chunks;
        try (LuceneIndex lucene = LuceneIndex.open(cache.indexDir(key), IndexProfile.of(embedder, chunker));
             ChunkIndex index = options.opensearch() == null ? null
                     : openSearchCopy(options, dataset, lucene, key, chunker, embedder)) {
            ChunkIndex searched = index == null ? lucene : index;
            chunks = searched.chunkCount();
            ModeRunner runner = new ModeRunner(searched, embedder, options.search(), options.warmup(), options.cascade());
            for (EvalMode mode : options.modes()) {
                err.println("searching: " + mode.label + ", " + dataset.queries().size() + " queries");
                ModeRunner.ModeRun run = runner.run(mode, dataset.queries());
                run.failures().forEach(f -> err.println("warning: " + mode.label + " query failed: " + f));
                results.add(ModeResult.of(run));
            }
        }

        EvalReport report = new EvalReport(dataset.name(), stats.docs(), chunks, dataset.queries().size(),
                options.truncated(), stats, cachedStats.isPresent(), results, settings(options, embedder, key),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        report.putRun("seconds", (System.nanoTime() - start) / 1e9);
        report.putRun("peak_heap_mb", heap.peakMb());
        report.write(options.out());
        out.print(report.table());
        if (options.truncated()) {
            out.println("(corpus truncated to the first " + options.maxDocs() + " documents: not comparable)");
        }
        out.println("report: " + options.out());
    }

    /**
     * The OpenSearch index holding the same chunks and vectors as the cached Lucene index: opened under a prefix
     * named by the cache key and, unless it already holds as many chunks, synced from the corpus with the Lucene
     * index lending every vector.
     */
    private OpenSearchIndex openSearchCopy(EvalArgs options, BeirDataset dataset, LuceneIndex lucene, String key,
                                           HeadingAwareChunker chunker, Embedder embedder)
            throws IOException, InterruptedException {
        OpenSearchSettings settings = options.opensearch().withPrefix("sextant-eval-" + key.substring(0, 12).toLowerCase());
        OpenSearchIndex index = OpenSearchIndex.open(settings, IndexProfile.of(embedder, chunker), embedder.dimension());
        try {
            if (index.chunkCount() != lucene.chunkCount()) {
                err.println("index: copying the cached chunks and vectors into OpenSearch at " + settings.url()
                        + " (" + settings.chunkIndex() + ")");
                var connector = new BeirCorpusConnector(dataset.name(), dataset.corpus(), options.maxDocs());
                IndexBuilder.Built copied = new IndexBuilder(chunker, embedder, ConsoleProgressBar.forStderr())
                        .copy(connector, index, lucene);
                err.printf("index: copied %d documents, %d chunks in %.1f s (%d chunks embedded)%n", copied.docs(),
                        copied.chunks(), copied.seconds(), copied.chunksEmbedded());
            } else {
                err.println("index: OpenSearch already holds the " + lucene.chunkCount() + " chunks (" + settings.chunkIndex() + ")");
            }
            return index;
        } catch (IOException | InterruptedException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    private IndexStats build(EvalArgs options, BeirDataset dataset, IndexCache cache, String key,
                             HeadingAwareChunker chunker, Embedder embedder, HeapMonitor heap)
            throws IOException, InterruptedException {
        Path building = cache.startBuild(key);
        try {
            err.println("index: building in " + building);
            var connector = new BeirCorpusConnector(dataset.name(), dataset.corpus(), options.maxDocs());
            IndexBuilder.Built built = new IndexBuilder(chunker, embedder, ConsoleProgressBar.forStderr())
                    .build(connector, building.resolve("index"));
            err.println("index: measuring embedding alone on " + EmbedThroughput.SAMPLE_CHUNKS + " chunks at most");
            double embedOnly = EmbedThroughput.chunksPerSecond(embedder,
                    EmbedThroughput.sampleTexts(dataset.corpus(), options.maxDocs(), chunker));
            IndexStats stats = new IndexStats(key, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    built.docs(), built.chunks(), built.seconds(), built.embeddingSeconds(), built.docs() / built.seconds(),
                    built.chunksEmbedded() / built.seconds(), embedOnly, heap.peakMb());
            cache.publish(building, stats);
            return stats;
        } catch (IOException | InterruptedException | RuntimeException e) {
            IndexCache.deleteTree(building);
            throw e;
        }
    }

    private static Map<String, Object> settings(EvalArgs options, Embedder embedder, String key) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("split", options.split());
        s.put("max_docs", options.truncated() ? options.maxDocs() : null);
        s.put("depth_chunks", options.search().depth());
        s.put("dense_floor", options.search().denseFloor());
        s.put("warmup_queries", options.warmup());
        s.put("embedder", embedder.modelId());
        s.put("chunker", CHUNKER_SETTINGS);
        s.put("bm25", IndexSchema.similarity().toString());
        s.put("fusion", options.search().fusionFunction().toString());
        s.put("backend", options.opensearch() == null ? "lucene"
                : "opensearch " + options.opensearch().url() + " (" + options.opensearch().shards() + " shard, "
                + options.opensearch().replicas() + " replicas)");
        s.put("reader", "public");
        s.put("query_rewrite", "lexical side only: query-syntax operators + | - \" * ( ) ~ \\ escaped (bag of words)");
        s.put("ranking", "one candidate per document (its best chunk), then trec_eval order: score desc, doc id desc");
        s.put("latency", "per query in-process, through SearchPipeline: validation + query embedding + retrieval "
                + "(+ fusion) + access guard + loading the first "
                + ModeRunner.PAGE + " passages; nearest-rank percentiles");
        s.put("cache_key", key);
        return s;
    }
}
