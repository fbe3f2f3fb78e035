package dev.sextant.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sextant.acl.Acl;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node lost in the middle of a sync: node 2 of the CI cluster is killed (SIGKILL) while bulk requests are
 * being written, and started again; once the cluster is green, every document is there exactly once, with all
 * its chunks. Runs only where .ci/opensearch.sh exported the control script ({@code SEXTANT_OPENSEARCH_CONTROL}).
 */
class NodeLossTest {

    private static final OpenSearchCluster CLUSTER = new OpenSearchCluster("sextant-nodeloss");
    private static final int DOCUMENTS = 3_000;
    private static final int CHUNKS = 3;

    @TempDir
    Path dir;

    @BeforeEach
    void clusterIsThere() {
        OpenSearchCluster.url();
        assumeTrue(System.getenv("SEXTANT_OPENSEARCH_CONTROL") != null, "SEXTANT_OPENSEARCH_CONTROL is not set: "
                + "the node-loss test needs the control script of the cluster .ci/opensearch.sh starts");
    }

    @AfterAll
    static void dropIndexes() throws IOException {
        CLUSTER.dropAll();
    }

    @Test
    void aNodeKilledDuringBulkIndexingLosesAndDuplicatesNothing() throws Exception {
        try (OpenSearchIndex index = OpenSearchIndex.open(CLUSTER.settingsFor(dir), TestProfile.PROFILE, 2)) {
            control("wait-green");
            for (int d = 0; d < DOCUMENTS; d++) {
                if (d == DOCUMENTS / 3) {
                    control("kill-node2");
                }
                if (d == 2 * DOCUMENTS / 3) {
                    control("start-node2");
                }
                index.replace("doc-" + d, chunks("doc-" + d));
            }
            index.commit("test", "cursor-end");
            control("wait-green");
            index.refresh();

            assertThat(index.chunkCount()).isEqualTo(DOCUMENTS * CHUNKS);
            assertThat(index.knownVersions("test")).hasSize(DOCUMENTS).allSatisfy((id, version) ->
                    assertThat(version).isEqualTo("v1"));
            assertThat(index.checkpoint("test")).contains("cursor-end");
            try (var snapshot = index.snapshot()) {
                var hits = snapshot.lexical("passage", Principals.of(Principal.PUBLIC),
                        DOCUMENTS * CHUNKS);
                assertThat(hits).hasSize(DOCUMENTS);
            }
        }
    }

    private static List<IndexedChunk> chunks(String id) {
        SourceDocument doc = new SourceDocument(id, "test", "Document " + id, "", "https://x.example/" + id,
                Instant.parse("2026-11-30T10:15:30Z"), Acl.PUBLIC, "v1");
        return IntStream.range(0, CHUNKS).mapToObj(i -> new IndexedChunk("test", doc, i,
                new ChunkText("", "Passage " + i + " of " + id + " about failover and replicas."), id + "-h" + i,
                new float[] {1, 0})).toList();
    }

    private static void control(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(System.getenv("SEXTANT_OPENSEARCH_CONTROL"), command).inheritIO().start();
        if (!p.waitFor(240, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("the cluster control script failed on " + command);
        }
    }
}
