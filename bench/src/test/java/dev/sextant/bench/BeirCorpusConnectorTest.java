package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirCorpusConnectorTest {

    @TempDir
    Path tmp;

    /** Records what a connector tells the indexer. */
    static final class RecordingSession implements SyncSession {
        final Map<String, String> known = new HashMap<>();
        final List<SourceDocument> upserted = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        int discovered;

        @Override
        public Map<String, String> knownVersions() {
            return known;
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.empty();
        }

        @Override
        public void checkpoint(String cursor) {
        }

        @Override
        public void discovered(int documents) {
            discovered = documents;
        }

        @Override
        public void unchanged(String documentId) {
            unchanged.add(documentId);
        }

        @Override
        public void upsert(SourceDocument document) {
            upserted.add(document);
        }

        @Override
        public void delete(String documentId) {
            deleted.add(documentId);
        }

        @Override
        public boolean updateAcl(String documentId, Acl acl, String version) {
            throw new AssertionError("a BEIR corpus has no ACL changes: " + documentId);
        }

        @Override
        public void skip(String location, String reason) {
            throw new AssertionError("skipped " + location + ": " + reason);
        }
    }

    @Test
    void emitsPublicDocumentsWithStableVersionsAndTitlesNeverBlank() throws Exception {
        Path dir = TinyBeir.write(tmp.resolve("tiny"));
        var connector = new BeirCorpusConnector("tiny", dir.resolve("corpus.jsonl"), Integer.MAX_VALUE);
        RecordingSession session = new RecordingSession();
        connector.sync(session);

        assertThat(connector.id()).isEqualTo("beir:tiny");
        assertThat(session.discovered).isEqualTo(10);
        assertThat(session.upserted).hasSize(10);
        SourceDocument d3 = session.upserted.get(3);
        assertThat(d3.id()).isEqualTo("d3");
        assertThat(d3.title()).isEqualTo("d3"); // blank title in the corpus
        assertThat(d3.source()).isEqualTo("beir");
        assertThat(d3.url()).isEqualTo("beir:d3");
        assertThat(d3.acl()).isEqualTo(Acl.PUBLIC);
        assertThat(d3.body()).startsWith("Penguins");

        RecordingSession again = new RecordingSession();
        session.upserted.forEach(d -> again.known.put(d.id(), d.version()));
        again.known.put("gone", "v");
        again.known.put("d0", "stale");
        connector.sync(again);
        assertThat(again.upserted).extracting(SourceDocument::id).containsExactly("d0");
        assertThat(again.unchanged).hasSize(9);
        assertThat(again.deleted).containsExactly("gone");
    }

    @Test
    void maxDocsTakesTheFirstLines() throws Exception {
        Path dir = TinyBeir.write(tmp.resolve("tiny"));
        RecordingSession session = new RecordingSession();
        new BeirCorpusConnector("tiny", dir.resolve("corpus.jsonl"), 4).sync(session);
        assertThat(session.upserted).extracting(SourceDocument::id).containsExactly("d0", "d1", "d2", "d3");
    }

    @Test
    void readsAllOfSciFact() throws Exception {
        Path scifact = BeirDatasetTest.sharedSciFact();
        assumeTrue(scifact != null, "skipped: ../shared/datasets/beir-scifact is not present in this checkout");
        RecordingSession session = new RecordingSession();
        new BeirCorpusConnector("beir-scifact", scifact.resolve("corpus.jsonl"), Integer.MAX_VALUE).sync(session);
        assertThat(session.upserted).hasSize(5183);
        assertThat(new HashSet<>(session.upserted.stream().map(SourceDocument::id).toList())).hasSize(5183);
    }
}
