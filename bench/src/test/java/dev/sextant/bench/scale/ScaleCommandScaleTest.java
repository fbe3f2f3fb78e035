package dev.sextant.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleCommandScaleTest {

    @TempDir
    Path tmp;

    private JsonNode run(String vectors) throws Exception {
        Path out = tmp.resolve(vectors + ".json");
        var err = new ByteArrayOutputStream();
        int status = new ScaleCommand(new PrintStream(err, true)).run(new String[] {
                "--chunks", "3000", "--out", out.toString(), "--vectors", vectors, "--readers", "1,100",
                "--queries", "20", "--dimension", "32", "--dir", tmp.resolve("work-" + vectors).toString()});
        assertThat(status).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void indexesThroughTheProductionPathAndReportsLatencyAndRecall() throws Exception {
        JsonNode report = run("float");
        assertThat(report.get("documents").asInt()).isEqualTo(750);
        assertThat(report.at("/floatIndex/totalMb").asDouble()).isPositive();
        for (String mode : new String[] {"bm25", "dense", "hybrid"}) {
            for (String reader : new String[] {"groups1", "groups100"}) {
                assertThat(report.at("/latency/" + mode + "/" + reader + "/p95Ms").asDouble()).as(mode).isPositive();
            }
        }
        assertThat(report.at("/latency/bm25/groups100/meanHits").asDouble())
                .isGreaterThan(report.at("/latency/bm25/groups1/meanHits").asDouble());
        assertThat(report.at("/denseRecallAt10/groups1").asDouble()).isGreaterThan(0.9);
        assertThat(report.at("/denseRecallAt10/groups100").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void searchesAQuantizedCopyOfTheSameDocuments() throws Exception {
        JsonNode report = run("int7");
        assertThat(report.at("/quantizedIndex/byExtensionMb/veq").asDouble()).isPositive();
        assertThat(report.at("/denseRecallAt10/groups100").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void refusesAnUnknownEncoding() {
        var err = new ByteArrayOutputStream();
        int status = new ScaleCommand(new PrintStream(err, true)).run(new String[] {
                "--chunks", "10", "--out", tmp.resolve("x.json").toString(), "--vectors", "int3"});
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("unknown vector encoding 'int3'");
    }
}
