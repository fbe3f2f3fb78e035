package dev.sextant.bench.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sextant.acl.Principals;
import dev.sextant.bench.HeapMonitor;
import dev.sextant.bench.UsageException;
import dev.sextant.bench.LatencyStats;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.reranker.AccessGuard;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.reranker.SearchSettings;
import dev.sextant.retriever.Bm25Retriever;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.DenseRetriever;
import dev.sextant.retriever.HybridRetriever;
import dev.sextant.retriever.Retriever;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code ./sextant scale}: generates a {@link SyntheticCorpus}, indexes it through the production
 * {@link LuceneIndex} ({@code replace} + {@code commit}), optionally copies it to quantized vectors, then times
 * the production {@link SearchPipeline} (bm25, dense and hybrid from {@link SearchSettings#DEFAULTS}, the access
 * guard included) for each reader, and scores dense recall@10 (documents, each by its best chunk) against {@link ExactSearch}. Writes a JSON report.
 */
public final class ScaleCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int PAGE = 10;
    private static final int WARMUP = 30;
    private static final int GROUPS = 8_000;
    private static final String CHUNKER = "scale-generated-" + SyntheticCorpus.CHUNKS_PER_DOC;

    private final PrintStream err;

    ScaleCommand(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ScaleCommand(System.err).run(args));
    }

    /** Runs the benchmark; returns the exit status (0 done, 1 failed, 2 bad arguments). */
    int run(String[] args) {
        ScaleArgs options;
        try {
            options = ScaleArgs.parse(args);
        } catch (IllegalArgumentException e) {
            return UsageException.report(e, err, ScaleArgs.USAGE);
        }
        try (HeapMonitor heap = new HeapMonitor()) {
            Map<String, Object> report = measure(options, heap);
            JSON.writeValue(options.out().toFile(), report);
            err.println("scale: report written to " + options.out());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("error: scale benchmark failed: " + e);
            e.printStackTrace(err);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    Map<String, Object> measure(ScaleArgs o, HeapMonitor heap) throws IOException, InterruptedException {
        var corpus = new SyntheticCorpus(o.chunks(), o.dimension(), Math.max(16, o.chunks() / 100), GROUPS, o.seed());
        Map<String, float[]> vectors = new HashMap<>();
        List<SyntheticCorpus.Query> queries = new ArrayList<>();
        for (int i = 0; vectors.size() < o.queries() + WARMUP; i++) {
            SyntheticCorpus.Query q = corpus.query(i);
            if (vectors.putIfAbsent(q.text(), q.vector()) == null) {
                queries.add(q);
            }
        }
        var embedder = new QueryVectors(vectors, o.dimension());
        var profile = new IndexProfile(embedder.modelId(), CHUNKER);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("chunks", o.chunks());
        report.put("documents", corpus.documents());
        report.put("dimension", o.dimension());
        report.put("vectors", o.vectors().label());
        report.put("jvm", Map.of("version", Runtime.version().toString(), "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20,
                "processors", Runtime.getRuntime().availableProcessors()));

        deleteTree(o.dir());
        Path floatDir = o.dir().resolve("float");
        double buildSeconds = build(corpus, floatDir, profile);
        report.put("buildSeconds", round(buildSeconds));
        report.put("peakHeapMbAfterBuild", round(heap.peakMb()));
        report.put("floatIndex", sizes(floatDir));
        Path searched = floatDir;
        if (o.vectors() != QuantizedCopy.Encoding.FLOAT) {
            searched = o.dir().resolve(o.vectors().label());
            long start = System.nanoTime();
            QuantizedCopy.copy(floatDir, searched, o.vectors());
            report.put("quantizeSeconds", round((System.nanoTime() - start) / 1e9));
            report.put("quantizedIndex", sizes(searched));
        }

        List<Principals> readers = o.readers().stream().map(corpus::reader).toList();
        List<SyntheticCorpus.Query> warmup = queries.subList(o.queries(), queries.size());
        List<SyntheticCorpus.Query> timed = queries.subList(0, o.queries());
        Map<String, Object> latency = new LinkedHashMap<>();
        List<List<List<String>>> denseTop = new ArrayList<>();
        SearchSettings settings = SearchSettings.DEFAULTS;
        try (LuceneIndex index = LuceneIndex.open(searched, profile)) {
            Map<String, Retriever> modes = new LinkedHashMap<>();
            modes.put("bm25", new Bm25Retriever());
            modes.put("dense", new DenseRetriever(embedder));
            modes.put("hybrid", HybridRetriever.bm25AndDense(embedder, settings.fusionFunction()));
            for (var mode : modes.entrySet()) {
                Map<String, Object> perReader = new LinkedHashMap<>();
                var pipeline = new SearchPipeline(index, mode.getValue(), RerankerCascade.passThrough(),
                        new AccessGuard(c -> {
                            throw new IllegalStateException("the access guard dropped " + c.chunkId());
                        }), settings);
                for (int r = 0; r < readers.size(); r++) {
                    Principals reader = readers.get(r);
                    for (SyntheticCorpus.Query q : warmup) {
                        search(pipeline, q, reader, settings);
                    }
                    long[] nanos = new long[timed.size()];
                    long hits = 0;
                    List<List<String>> tops = new ArrayList<>();
                    for (int i = 0; i < timed.size(); i++) {
                        long start = System.nanoTime();
                        SearchPipeline.Result result = search(pipeline, timed.get(i), reader, settings);
                        nanos[i] = System.nanoTime() - start;
                        hits += result.total();
                        tops.add(result.ranking().stream().limit(PAGE).map(Candidate::docId).toList());
                    }
                    if (mode.getKey().equals("dense")) {
                        denseTop.add(tops);
                    }
                    var stats = new LatencyStats(nanos);
                    perReader.put("groups" + o.readers().get(r), Map.of(
                            "p50Ms", round(stats.percentileMs(50)), "p95Ms", round(stats.percentileMs(95)),
                            "meanHits", round(hits / (double) timed.size())));
                    err.printf("scale: %-6s reader in %5d groups: p50 %.1f ms, p95 %.1f ms%n", mode.getKey(),
                            o.readers().get(r), stats.percentileMs(50), stats.percentileMs(95));
                }
                latency.put(mode.getKey(), perReader);
            }
        }
        report.put("latency", latency);
        report.put("peakHeapMb", round(heap.peakMb()));

        long start = System.nanoTime();
        var exact = ExactSearch.topK(corpus, readers, timed.stream().map(SyntheticCorpus.Query::vector).toList(), PAGE,
                settings.denseFloor());
        Map<String, Object> recall = new LinkedHashMap<>();
        for (int r = 0; r < readers.size(); r++) {
            double sum = 0;
            for (int q = 0; q < timed.size(); q++) {
                sum += ExactSearch.recall(denseTop.get(r).get(q), exact.get(r).get(q));
            }
            recall.put("groups" + o.readers().get(r), round(sum / timed.size()));
        }
        report.put("denseRecallAt10", recall);
        report.put("denseRecallNote", "the exact top 10 documents by best chunk, among those the reader may read at"
                + " cosine >= the dense floor " + settings.denseFloor());
        report.put("exactSearchSeconds", round((System.nanoTime() - start) / 1e9));
        err.println("scale: dense recall@10 " + recall);
        return report;
    }

    private double build(SyntheticCorpus corpus, Path dir, IndexProfile profile) throws IOException {
        long start = System.nanoTime();
        try (LuceneIndex index = LuceneIndex.open(dir, profile)) {
            int step = Math.max(1, corpus.documents() / 10);
            for (int doc = 0; doc < corpus.documents(); doc++) {
                index.replace(SyntheticCorpus.documentId(doc), corpus.document(doc));
                if ((doc + 1) % step == 0) {
                    err.printf("scale: indexed %d of %d documents, %.0f s%n", doc + 1, corpus.documents(),
                            (System.nanoTime() - start) / 1e9);
                }
            }
            index.commit(SyntheticCorpus.CONNECTOR, "generated");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static SearchPipeline.Result search(SearchPipeline pipeline, SyntheticCorpus.Query q, Principals reader,
                                                SearchSettings settings) throws IOException, InterruptedException {
        return pipeline.search(new SearchQuery(q.text(), q.text(), reader, settings.depth()), 0, PAGE);
    }

    /** The index's size on disk in MiB, in all and by file extension. */
    private static Map<String, Object> sizes(Path dir) throws IOException {
        Map<String, Double> byExtension = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                byExtension.merge(ext, Files.size(f) / (1024.0 * 1024.0), Double::sum);
            }
        }
        byExtension.replaceAll((k, v) -> round(v));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalMb", round(byExtension.values().stream().mapToDouble(Double::doubleValue).sum()));
        out.put("byExtensionMb", byExtension);
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
