package dev.sextant.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkHit;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.TestProfile;
import dev.sextant.indexer.lucene.LuceneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same chunks in the embedded index and in OpenSearch score the same: terms, phrases across a stop word,
 * prefixes, required and prohibited words, for a reader who reads everything and for one who reads a part
 * (whose statistics both engines count over that part). Skipped without {@code SEXTANT_OPENSEARCH_URL}.
 */
class LuceneParityTest {

    private static final OpenSearchCluster CLUSTER = new OpenSearchCluster("sextant-parity");
    private static final Principal FINANCE = Principal.group("idp", "finance");
    private static final Principals EVERYONE_AND_FINANCE = Principals.of(Principal.PUBLIC, FINANCE);
    private static final Principals PUBLIC_ONLY = Principals.of(Principal.PUBLIC);
    private static final List<String> QUERIES = List.of("budget", "replica failover", "\"rate of change\"",
            "promot*", "+budget -final", "the quarterly budget's risks", "(runway OR churn) +report", "-budget");

    @TempDir
    Path dir;

    @BeforeEach
    void clusterIsThere() {
        OpenSearchCluster.url();
    }

    @AfterAll
    static void dropIndexes() throws IOException {
        CLUSTER.dropAll();
    }

    @Test
    void bothEnginesRankAndScoreEveryQueryAlikeForEveryReader() throws IOException {
        try (ChunkIndex lucene = LuceneIndex.open(dir.resolve("lucene"), TestProfile.PROFILE);
             ChunkIndex opensearch = OpenSearchIndex.open(CLUSTER.settingsFor(dir), TestProfile.PROFILE, 2)) {
            for (ChunkIndex index : List.of(lucene, opensearch)) {
                fill(index);
                index.commit("test", null);
            }
            int compared = 0;
            for (Principals reader : List.of(EVERYONE_AND_FINANCE, PUBLIC_ONLY)) {
                for (String query : QUERIES) {
                    List<ChunkHit> expected = lexical(lucene, query, reader);
                    List<ChunkHit> actual = lexical(opensearch, query, reader);
                    String both = query + " for " + reader + ": lucene " + expected + ", opensearch " + actual;
                    assertThat(actual).as(both).hasSameSizeAs(expected);
                    Map<String, Float> scores = new HashMap<>();
                    actual.forEach(h -> scores.put(h.chunkId(), h.score()));
                    for (int i = 0; i < expected.size(); i++) {
                        // Equal scores may come in another order: Lucene breaks ties by segment order, OpenSearch by shard.
                        ChunkHit want = expected.get(i);
                        assertThat(scores).as(both).containsKey(want.chunkId());
                        assertThat(scores.get(want.chunkId())).as(both).isCloseTo(want.score(), within(1e-4f * want.score()));
                        if (i > 0) {
                            assertThat(actual.get(i).score()).as(both).isLessThanOrEqualTo(actual.get(i - 1).score());
                        }
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(30);
        }
    }

    private static List<ChunkHit> lexical(ChunkIndex index, String query, Principals reader) throws IOException {
        try (IndexSnapshot snapshot = index.snapshot()) {
            return snapshot.lexical(query, reader, 50);
        }
    }

    private static void fill(ChunkIndex index) throws IOException {
        write(index, "runbook", Acl.PUBLIC, "Failover runbook", "Promote the replica when the primary fails.",
                "Then repoint the application at the new primary replica; the rate of change is low.");
        write(index, "wiki", Acl.PUBLIC, "Wiki", "The budget meeting is on Monday.", "Bring the agenda and the budget.");
        write(index, "promo", Acl.PUBLIC, "Promotions", "Promotional budget for the launch is final.");
        for (int i = 0; i < 6; i++) {
            write(index, "finance-" + i, Acl.of(AclClause.of(FINANCE)), "Finance report " + i,
                    "The quarterly budget for quarter " + i + " is final. Runway and churn risks.",
                    "Budget budget budget: the rate of change of spending " + "is high ".repeat(i + 1));
        }
    }

    private static void write(ChunkIndex index, String id, Acl acl, String title, String... passages) throws IOException {
        SourceDocument doc = new SourceDocument(id, "test", title, "", "https://x.example/" + id,
                Instant.parse("2026-11-30T10:15:30Z"), acl, "v1");
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            chunks.add(new IndexedChunk("test", doc, i, new ChunkText("", passages[i]), id + "-h" + i, new float[] {1, 0}));
        }
        index.replace(id, chunks);
    }
}
