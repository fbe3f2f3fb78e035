package dev.sextant.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ChunkIndex} must do, whatever the engine: an adapter's test extends this class and says
 * how to open its index. Access is the point of most cases: the filter inside lexical and vector search
 * (never a post-filtered top-k), ACLs of several clauses, documents whose ACL is unknown, ACL-only updates,
 * and BM25 statistics that depend only on what the reader may read.
 */
public abstract class ChunkIndexContractTest {

    protected static final Principal FINANCE = Principal.group("idp", "finance");
    protected static final Principal BOB = Principal.user("bob@x.example");
    protected static final Principals ANYONE = Principals.of(Principal.PUBLIC);
    protected static final Principals FINANCE_ONLY = Principals.of(Principal.PUBLIC, FINANCE);
    protected static final Principals BOB_IN_FINANCE = Principals.of(Principal.PUBLIC, FINANCE, BOB);
    protected static final Principals BOB_OUTSIDE_FINANCE = Principals.of(Principal.PUBLIC, BOB);
    protected static final Acl FINANCE_AND_BOB = Acl.of(AclClause.of(FINANCE), AclClause.of(BOB));

    @TempDir
    protected Path dir;
    protected ChunkIndex index;

    /** Opens the adapter's index stored under {@code dir}, as it was last committed. */
    protected abstract ChunkIndex open(Path dir) throws IOException;

    /**
     * Whether writes made visible by {@link ChunkIndex#refresh()} but not committed are gone once the index is
     * closed and opened again (the embedded index); a cluster keeps what it acknowledged, and the connector's
     * next sync from the committed checkpoint writes the same documents again.
     */
    protected boolean refreshedWritesAreLostWithoutCommit() {
        return true;
    }

    @BeforeEach
    void openIndex() throws IOException {
        index = open(dir);
    }

    @AfterEach
    void closeIndex() throws IOException {
        if (index != null) { // null when open() skipped the test (no engine to run against)
            index.close();
        }
    }

    /** A unit vector at {@code degrees} from the x axis, in two dimensions. */
    protected static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    protected static SourceDocument document(String id, Acl acl, String title, String version) {
        return new SourceDocument(id, "test", title, "", "https://x.example/" + id,
                Instant.parse("2026-11-30T10:15:30Z"), acl, version);
    }

    /** Writes a document of one chunk per passage, every chunk with the same vector. */
    protected void write(String connector, String id, Acl acl, String title, float[] vector, String... passages)
            throws IOException {
        SourceDocument doc = document(id, acl, title, "v1");
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            chunks.add(new IndexedChunk(connector, doc, i, new ChunkText("", passages[i]), id + "-h" + i, vector));
        }
        index.replace(id, chunks);
    }

    protected void write(String id, Acl acl, String title, String... passages) throws IOException {
        write("test", id, acl, title, at(0), passages);
    }

    protected List<ChunkHit> lexical(String query, Principals reader) throws IOException {
        try (IndexSnapshot snapshot = index.snapshot()) {
            return snapshot.lexical(query, reader, 100);
        }
    }

    protected List<ChunkHit> vector(float[] query, Principals reader, int k) throws IOException {
        try (IndexSnapshot snapshot = index.snapshot()) {
            return snapshot.vector(query, reader, k);
        }
    }

    private static List<String> ids(List<ChunkHit> hits) {
        return hits.stream().map(ChunkHit::docId).toList();
    }

    private void runbookAndReport() throws IOException {
        write("runbook", Acl.PUBLIC, "Failover runbook", "Promote the replica when the primary fails.",
                "Then repoint the application at the new primary.");
        write("report", FINANCE_AND_BOB, "Q3 report", "Runway is eighteen months.", "The primary risk is churn.");
        index.commit("test", null);
    }

    @Test
    void lexicalSearchFindsEachDocumentOnceByItsBestChunkWithItsStoredAcl() throws IOException {
        runbookAndReport();
        List<ChunkHit> hits = lexical("churn primary", BOB_IN_FINANCE);

        assertThat(ids(hits)).containsExactly("report", "runbook");
        assertThat(hits.getFirst().chunkId()).isEqualTo("report#1");
        assertThat(hits.getFirst().aclText()).isEqualTo(FINANCE_AND_BOB.format());
        assertThat(hits.getFirst().score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void aReaderMustMatchEveryClauseOfAnAcl() throws IOException {
        runbookAndReport();
        assertThat(ids(lexical("primary", BOB_IN_FINANCE))).containsExactlyInAnyOrder("runbook", "report");
        assertThat(ids(lexical("primary", FINANCE_ONLY))).containsExactly("runbook");
        assertThat(ids(lexical("primary", BOB_OUTSIDE_FINANCE))).containsExactly("runbook");
        assertThat(ids(vector(at(0), FINANCE_ONLY, 10))).containsExactly("runbook");
        assertThat(ids(vector(at(0), BOB_IN_FINANCE, 10))).containsExactlyInAnyOrder("runbook", "report");
    }

    @Test
    void aReaderFromOutsideTheDomainReadsOnlyWhatIsPublic() throws IOException {
        write("staff", Acl.of(AclClause.of(Principal.domain("x.example"))), "Staff handbook", "Holidays and leave.");
        write("open", Acl.PUBLIC, "Open handbook", "Holidays for everyone.");
        index.commit("test", null);
        Principals outsider = Principals.of(Principal.PUBLIC, Principal.user("eve@elsewhere.example"),
                Principal.domain("elsewhere.example"));
        Principals insider = Principals.of(Principal.PUBLIC, Principal.user("dana@x.example"), Principal.domain("x.example"));

        assertThat(ids(lexical("holidays", outsider))).containsExactly("open");
        assertThat(ids(lexical("holidays", insider))).containsExactlyInAnyOrder("open", "staff");
    }

    @Test
    void aDocumentWhoseAclIsUnknownIsReadByNobody() throws IOException {
        write("orphan", Acl.NONE, "Orphan page", "Nobody knows who may read this primary page.");
        index.commit("test", null);
        Principals everything = Principals.of(Principal.PUBLIC, FINANCE, BOB, Principal.domain("x.example"));
        assertThat(lexical("primary", everything)).isEmpty();
        assertThat(vector(at(0), everything, 10)).isEmpty();
    }

    @Test
    void vectorSearchFiltersInsideTheSearchSoThatTheTopKIsNeverEmptiedByTheFilter() throws IOException {
        // 200 unreadable chunks sit right next to the query; the two readable ones are far away.
        for (int i = 0; i < 200; i++) {
            write("test", "secret-" + i, Acl.of(AclClause.of(FINANCE)), "Secret " + i, at(i * 0.01), "secret");
        }
        write("test", "far", Acl.PUBLIC, "Far", at(80), "far");
        write("test", "farther", Acl.PUBLIC, "Farther", at(85), "farther");
        index.commit("test", null);

        List<ChunkHit> hits = vector(at(0), ANYONE, 2);

        assertThat(ids(hits)).containsExactly("far", "farther");
        assertThat(hits.getFirst().score()).isCloseTo((float) Math.cos(Math.toRadians(80)), within(1e-3f));
    }

    @Test
    void bm25ScoresDependOnlyOnWhatTheReaderMayRead() throws IOException {
        write("wiki", Acl.PUBLIC, "Wiki", "The budget meeting is on Monday.", "Bring the agenda.");
        for (int i = 0; i < 5; i++) {
            write("finance-" + i, Acl.of(AclClause.of(FINANCE)), "Finance " + i,
                    "The budget for quarter " + i + " is final.", "The budget budget budget is long.");
        }
        index.commit("test", null);
        float outsider = lexical("budget", Principals.of(Principal.PUBLIC, Principal.user("alice@x.example"))).getFirst().score();
        float otherOutsider = lexical("budget", Principals.of(Principal.PUBLIC, Principal.group("idp", "hr"))).getFirst().score();
        List<ChunkHit> insider = lexical("budget", FINANCE_ONLY);

        assertThat(otherOutsider).isEqualTo(outsider);
        float insiderWiki = insider.stream().filter(h -> h.docId().equals("wiki")).findFirst().orElseThrow().score();
        assertThat(insiderWiki).isNotEqualTo(outsider);

        // The same score as in an index that holds only what the outsider may read.
        try (ChunkIndex alone = open(dir.resolve("alone"))) {
            SourceDocument wiki = document("wiki", Acl.PUBLIC, "Wiki", "v1");
            alone.replace("wiki", List.of(
                    new IndexedChunk("test", wiki, 0, new ChunkText("", "The budget meeting is on Monday."), "a", at(0)),
                    new IndexedChunk("test", wiki, 1, new ChunkText("", "Bring the agenda."), "b", at(0))));
            alone.commit("test", null);
            try (IndexSnapshot snapshot = alone.snapshot()) {
                assertThat(snapshot.lexical("budget", ANYONE, 10).getFirst().score()).isEqualTo(outsider);
            }
        }
    }

    @Test
    void deletesRemoveADocumentOrAWholeConnector() throws IOException {
        write("a", "one", Acl.PUBLIC, "One", at(0), "alpha");
        write("a", "two", Acl.PUBLIC, "Two", at(0), "alpha");
        write("b", "three", Acl.PUBLIC, "Three", at(0), "alpha");
        index.commit("a", "cursor-a");
        index.commit("b", "cursor-b");

        index.delete("one");
        index.refresh();
        assertThat(ids(lexical("alpha", ANYONE))).containsExactlyInAnyOrder("two", "three");

        assertThat(index.deleteConnector("a")).isEqualTo(1);
        assertThat(ids(lexical("alpha", ANYONE))).containsExactly("three");
        assertThat(index.connectorIds()).containsExactly("b");
        assertThat(index.checkpoint("a")).isEmpty();
        assertThat(index.checkpoint("b")).contains("cursor-b");
    }

    @Test
    void anAclOnlyUpdateChangesWhoReadsAndKeepsTextAndVectors() throws IOException {
        write("test", "report", Acl.PUBLIC, "Q3 report", at(30), "Runway is eighteen months.", "Churn is low.");
        index.commit("test", null);
        Map<String, float[]> vectorsBefore = index.vectorsOf("report");

        assertThat(index.updateAcl("report", FINANCE_AND_BOB, "v2")).isTrue();
        assertThat(index.updateAcl("missing", FINANCE_AND_BOB, "v2")).isFalse();
        index.commit("test", null);

        assertThat(lexical("runway", FINANCE_ONLY)).isEmpty();
        assertThat(ids(lexical("runway", BOB_IN_FINANCE))).containsExactly("report");
        assertThat(index.knownVersions("test")).containsEntry("report", "v2");
        assertThat(index.vectorsOf("report")).containsOnlyKeys(vectorsBefore.keySet());
        Map<String, float[]> vectorsAfter = index.vectorsOf("report");
        vectorsBefore.forEach((hash, v) -> assertThat(vectorsAfter.get(hash)).containsExactly(v));
        try (IndexSnapshot snapshot = index.snapshot()) {
            var passages = snapshot.fetch(List.of("report#0", "report#1"), "runway");
            assertThat(passages.get("report#1").text()).isEqualTo("Churn is low.");
            assertThat(passages.get("report#0").aclText()).isEqualTo(FINANCE_AND_BOB.format());
        }
        assertThat(index.acl("report")).contains(FINANCE_AND_BOB);
        assertThat(index.acl("missing")).isEmpty();
        index.delete("report");
        index.refresh();
        assertThat(index.acl("report")).isEmpty();
    }

    @Test
    void aCheckpointIsDurableWithTheDocumentsItCoversAndNeverAhead() throws IOException {
        write("committed", Acl.PUBLIC, "Committed", "alpha");
        index.commit("test", "cursor-1");
        write("uncommitted", Acl.PUBLIC, "Uncommitted", "alpha");
        index.refresh();
        assertThat(ids(lexical("alpha", ANYONE))).containsExactlyInAnyOrder("committed", "uncommitted");

        index.close();
        index = open(dir);

        assertThat(index.checkpoint("test")).contains("cursor-1");
        if (refreshedWritesAreLostWithoutCommit()) {
            assertThat(index.knownVersions("test")).containsOnlyKeys("committed");
            assertThat(ids(lexical("alpha", ANYONE))).containsExactly("committed");
        } else {
            assertThat(index.knownVersions("test")).containsOnlyKeys("committed", "uncommitted");
        }
    }

    @Test
    void aSnapshotKeepsSeeingTheIndexAsItWasWhenTaken() throws IOException {
        runbookAndReport();
        try (IndexSnapshot snapshot = index.snapshot()) {
            index.delete("runbook");
            index.commit("test", null);

            assertThat(ids(snapshot.lexical("primary", ANYONE, 10))).containsExactly("runbook");
            assertThat(snapshot.fetch(List.of("runbook#0"), "primary")).containsKey("runbook#0");
        }
        try (IndexSnapshot now = index.snapshot()) {
            assertThat(now.lexical("primary", ANYONE, 10)).isEmpty();
            assertThat(now.fetch(List.of("runbook#0"), "primary")).isEmpty();
        }
    }

    @Test
    void fetchReturnsThePassageWithAnEscapedHighlightedSnippetAndItsAcl() throws IOException {
        write("xss", Acl.PUBLIC, "<b>Title</b>", "Cash <script>x</script> runway extends.");
        index.commit("test", null);
        try (IndexSnapshot snapshot = index.snapshot()) {
            Passage p = snapshot.fetch(List.of("xss#0", "nope#0"), "runway").get("xss#0");
            assertThat(p.title()).isEqualTo("<b>Title</b>");
            assertThat(p.url()).isEqualTo("https://x.example/xss");
            assertThat(p.source()).isEqualTo("test");
            assertThat(p.updated()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
            assertThat(p.snippet()).contains("<mark>runway</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
            assertThat(p.aclText()).isEqualTo(Acl.PUBLIC.format());
            assertThat(snapshot.fetch(List.of("nope#0"), "runway")).isEmpty();
        }
    }
}
