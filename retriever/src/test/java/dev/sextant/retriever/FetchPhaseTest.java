package dev.sextant.retriever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.LuceneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieval reads ids and ACLs from doc values; passages are loaded afterwards, only for what is shown. */
class FetchPhaseTest {

    private static final Principal FINANCE = Principal.group("idp", "finance");
    private static final Acl FINANCE_AND_BOB = Acl.of(AclClause.of(FINANCE), AclClause.of(Principal.user("bob@x.example")));

    @TempDir
    Path dir;
    private LuceneIndex index;

    @BeforeEach
    void setUp() throws IOException {
        index = LuceneIndex.open(dir);
        write("runbook", Acl.PUBLIC, "Failover runbook", "Promote the replica when the primary fails.",
                "Then repoint the application at the new primary.");
        write("report", FINANCE_AND_BOB, "Q3 report", "Runway is eighteen months.", "The primary risk is churn.");
        index.commit("test", null);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    private void write(String id, Acl acl, String title, String... passages) throws IOException {
        var doc = new SourceDocument(id, "test", title, String.join("\n", passages), "https://x.example/" + id,
                Instant.parse("2026-11-30T10:15:30Z"), acl, "v1");
        List<IndexedChunk> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            chunks.add(new IndexedChunk("test", doc, i, new ChunkText("", passages[i]), "h" + i, new float[] {1, 0}));
        }
        index.replace(id, chunks);
    }

    private List<Candidate> bm25(String text, Principals reader) throws IOException {
        return new Bm25Retriever(index.searchers()).retrieve(new SearchQuery(text, QueryParser.english().parse(text),
                reader, 10));
    }

    @Test
    void candidatesCarryTheirBestChunkAndStoredAclButNoPassage() throws IOException {
        Principals bob = Principals.of(Principal.PUBLIC, FINANCE, Principal.user("bob@x.example"));
        List<Candidate> found = bm25("primary", bob);

        assertThat(found).extracting(Candidate::docId).containsExactlyInAnyOrder("runbook", "report");
        Candidate report = found.stream().filter(c -> c.docId().equals("report")).findFirst().orElseThrow();
        assertThat(report.chunkId()).isEqualTo("report#1");
        assertThat(report.aclText()).isEqualTo(FINANCE_AND_BOB.format());
        assertThat(report.hasPassage()).isFalse();
        assertThatThrownBy(report::passage).isInstanceOf(IllegalStateException.class).hasMessageContaining("report#1");
    }

    @Test
    void theAclFilterStaysInsideTheQuery() throws IOException {
        Principals financeOnly = Principals.of(Principal.PUBLIC, FINANCE);
        assertThat(bm25("primary", financeOnly)).extracting(Candidate::docId).containsExactly("runbook");
    }

    @Test
    void loadsPassagesInOrderAndDropsChunksThatAreGone() throws IOException {
        Principals bob = Principals.of(Principal.PUBLIC, FINANCE, Principal.user("bob@x.example"));
        List<Candidate> found = bm25("primary", bob);
        PassageLoader loader = new PassageLoader(index.searchers());

        List<Candidate> loaded = loader.load(found);
        assertThat(loaded).extracting(Candidate::docId).containsExactlyElementsOf(found.stream().map(Candidate::docId).toList());
        Passage runbook = loaded.stream().filter(c -> c.docId().equals("runbook")).findFirst().orElseThrow().passage();
        assertThat(runbook.title()).isEqualTo("Failover runbook");
        assertThat(runbook.url()).isEqualTo("https://x.example/runbook");
        assertThat(runbook.source()).isEqualTo("test");
        assertThat(runbook.updated()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
        assertThat(runbook.text()).contains("primary");
        assertThat(loader.load(loaded)).isEqualTo(loaded);

        index.delete("report");
        index.refresh();
        assertThat(loader.load(found)).extracting(Candidate::docId).containsExactly("runbook");
    }
}
