package dev.sextant.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void reportsAFirstSyncAndAnUnchangedResyncThatReadsAndEmbedsNothing() throws Exception {
        Path out = tmp.resolve("sync.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SyncBenchCommand(new PrintStream(err, true)).run(new String[] {
                "--docs", "30", "--embedded-docs", "0", "--out", out.toString()});
        assertThat(status).as(err.toString()).isZero();
        JsonNode source = new ObjectMapper().readTree(out.toFile()).get("sources").get(0);
        JsonNode first = source.get("first_sync_embedding_excluded");
        JsonNode again = source.get("unchanged_resync");
        assertThat(first.get("upserted").asInt()).isEqualTo(30);
        assertThat(first.get("chunks_embedded").asInt()).isEqualTo(30);
        assertThat(again.get("upserted").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(30);
        assertThat(again.get("chunks_embedded").asInt()).isZero();
        assertThat(again.get("requests").asLong()).isPositive();
        assertThat(first.get("requests").asLong()).isGreaterThan(again.get("requests").asLong());
    }

    @Test
    void aFixtureThatIsNotOneFailsWithTheClassNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SyncBenchCommand(new PrintStream(err, true)).run(new String[] {
                "--fixture", "java.lang.String", "--out", tmp.resolve("x.json").toString()});
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("java.lang.String");
    }
}
