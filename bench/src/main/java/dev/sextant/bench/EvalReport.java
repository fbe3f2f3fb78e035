package dev.sextant.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The evaluation's result as the JSON report and as a short table for a terminal. */
final class EvalReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final String dataset;
    private final int docs;
    private final int chunks;
    private final int queries;
    private final boolean cached;
    private final List<ModeResult> modes;

    EvalReport(String dataset, int docs, int chunks, int queries, boolean truncated, IndexStats index, boolean cached,
               List<ModeResult> modes, Map<String, Object> settings, String date) {
        this.dataset = dataset;
        this.docs = docs;
        this.chunks = chunks;
        this.queries = queries;
        this.cached = cached;
        this.modes = modes;
        root.put("dataset", dataset);
        root.put("docs", docs);
        root.put("chunks", chunks);
        root.put("queries", queries);
        root.put("corpus_truncated", truncated);
        ObjectNode idx = root.putObject("index");
        idx.put("seconds", round(index.seconds(), 1));
        idx.put("embedding_seconds", round(index.embeddingSeconds(), 1));
        idx.put("docs_per_s", round(index.docsPerS(), 2));
        idx.put("chunks_per_s", round(index.chunksPerS(), 2));
        idx.put("embed_only_chunks_per_s", round(index.embedOnlyChunksPerS(), 2));
        idx.put("peak_heap_mb", round(index.peakHeapMb(), 0));
        idx.put("cached", cached);
        idx.put("built_at", index.builtAt());
        ObjectNode byMode = root.putObject("modes");
        for (ModeResult m : modes) {
            ObjectNode n = byMode.putObject(m.mode().label);
            n.put("ndcg@10", round(m.ndcg10(), 4));
            n.put("recall@100", round(m.recall100(), 4));
            n.put("mrr@10", round(m.mrr10(), 4));
            n.put("p50_ms", round(m.p50Ms(), 2));
            n.put("p95_ms", round(m.p95Ms(), 2));
            n.put("p99_ms", round(m.p99Ms(), 2));
            n.put("failed_queries", m.failed());
            n.put("queries_under_100_docs", m.underHundredDocs());
        }
        root.set("settings", JSON.valueToTree(settings));
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.vendor") + " " + Runtime.version());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        root.put("date", date);
    }

    /** Extra facts about the whole run (e.g. its own peak heap), under {@code "run"}. */
    void putRun(String field, double value) {
        root.withObjectProperty("run").put(field, round(value, 1));
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), root);
    }

    String json() throws IOException {
        return JSON.writeValueAsString(root);
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("%s: %d queries, %d docs, %d chunks, index %s%n".formatted(dataset, queries, docs, chunks,
                cached ? "from cache" : "built"));
        sb.append("%-8s %8s %10s %8s %9s %9s %9s%n".formatted("mode", "nDCG@10", "Recall@100", "MRR@10", "p50 ms",
                "p95 ms", "p99 ms"));
        for (ModeResult m : modes) {
            sb.append("%-8s %8.4f %10.4f %8.4f %9.1f %9.1f %9.1f%n".formatted(m.mode().label, m.ndcg10(), m.recall100(),
                    m.mrr10(), m.p50Ms(), m.p95Ms(), m.p99Ms()));
        }
        return sb.toString();
    }

    private static double round(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
