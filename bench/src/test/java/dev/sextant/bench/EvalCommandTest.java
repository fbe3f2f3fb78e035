package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void evaluatesATinyDatasetEndToEndThenReusesTheCachedIndex() throws Exception {
        Path dataset = TinyBeir.write(tmp.resolve("tiny-beir"));
        Path report = tmp.resolve("report.json");
        Path cache = tmp.resolve("cache");
        String[] args = {"--dataset", dataset.toString(), "--modes", "bm25,dense,hybrid", "--out", report.toString(),
                "--cache", cache.toString()};

        assertThat(run(args)).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("dataset").asText()).isEqualTo("tiny-beir");
        assertThat(json.get("docs").asInt()).isEqualTo(10);
        assertThat(json.get("chunks").asInt()).isEqualTo(10);
        assertThat(json.get("queries").asInt()).isEqualTo(3);
        assertThat(json.get("corpus_truncated").asBoolean()).isFalse();
        JsonNode index = json.get("index");
        for (String field : new String[] {"seconds", "docs_per_s", "chunks_per_s", "embed_only_chunks_per_s",
                "peak_heap_mb"}) {
            assertThat(index.get(field).asDouble()).as(field).isPositive();
        }
        assertThat(index.get("cached").asBoolean()).isFalse();
        for (String mode : new String[] {"bm25", "dense", "hybrid"}) {
            JsonNode m = json.get("modes").get(mode);
            for (String field : new String[] {"ndcg@10", "recall@100", "mrr@10", "p50_ms", "p95_ms", "p99_ms"}) {
                assertThat(m.has(field)).as(mode + " " + field).isTrue();
                assertThat(m.get(field).isNumber()).as(mode + " " + field).isTrue();
            }
            assertThat(m.get("failed_queries").asInt()).as(mode).isZero();
        }
        // every query names its document outright: BM25 ranks it first, whatever the quotes and parentheses
        JsonNode bm25 = json.get("modes").get("bm25");
        assertThat(bm25.get("mrr@10").asDouble()).isEqualTo(1.0);
        assertThat(bm25.get("ndcg@10").asDouble()).isEqualTo(1.0);
        assertThat(bm25.get("recall@100").asDouble()).isEqualTo(1.0);
        // Each query is about one subject of ten: the model alone, and fused with BM25, puts it first.
        for (String mode : new String[] {"dense", "hybrid"}) {
            JsonNode m = json.get("modes").get(mode);
            assertThat(m.get("mrr@10").asDouble()).as(mode).isEqualTo(1.0);
            assertThat(m.get("recall@100").asDouble()).as(mode).isEqualTo(1.0);
        }
        assertThat(json.get("settings").get("depth_chunks").asInt()).isEqualTo(300);
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        assertThat(json.get("machine").get("java").asText()).isNotBlank();
        assertThat(json.get("machine").get("os").asText()).isNotBlank();
        assertThat(json.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(out.toString()).contains("nDCG@10").contains("bm25").contains("hybrid");

        // second run: same key, index and its build stats come from the cache
        String key = json.get("settings").get("cache_key").asText();
        assertThat(cache.resolve(key).resolve("stats.json")).isRegularFile();
        assertThat(run("--dataset", dataset.toString(), "--modes", "bm25", "--out", report.toString(),
                "--cache", cache.toString())).as(err.toString()).isZero();
        JsonNode again = new ObjectMapper().readTree(report.toFile());
        assertThat(again.get("index").get("cached").asBoolean()).isTrue();
        assertThat(again.get("index").get("seconds")).isEqualTo(index.get("seconds"));
        assertThat(again.get("modes").get("bm25").get("ndcg@10").asDouble()).isEqualTo(1.0);
        assertThat(again.get("modes").has("dense")).isFalse();
        try (var entries = Files.list(cache)) {
            assertThat(entries).containsExactly(cache.resolve(key)); // no leftover build folder
        }
    }

    @Test
    void unknownModeIsAUsageError() throws Exception {
        Path dataset = TinyBeir.write(tmp.resolve("tiny"));
        assertThat(run("--dataset", dataset.toString(), "--modes", "bm25,splade", "--out", "r.json")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown mode 'splade'").contains("Usage:");
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        Path dataset = TinyBeir.write(tmp.resolve("tiny"));
        Files.delete(dataset.resolve("qrels").resolve("test.tsv"));
        assertThat(run("--dataset", dataset.toString(), "--out", tmp.resolve("r.json").toString(),
                "--cache", tmp.resolve("cache").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing").contains("test.tsv");
        assertThat(run("--dataset", tmp.resolve("nowhere").toString(), "--out", "r.json")).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void badArgumentsPrintUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("--dataset is required").contains("Usage:");
        assertThat(run("--dataset", "x", "--out", "r.json", "--max-docs", "lots")).isEqualTo(2);
        assertThat(run("--dataset", "x", "--out", "r.json", "--split", "dev")).isEqualTo(2);
        assertThat(run("--dataset", "x", "--out", "r.json", "--depth", "50")).isEqualTo(2);
        assertThat(run("--dataset", "x", "--bogus", "1")).isEqualTo(2);
        assertThat(run("--dataset")).isEqualTo(2);
        assertThat(err.toString()).contains("--dataset needs a value");
        assertThat(run("--help")).isZero();
    }
}
