package dev.sextant.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexTest {

    @TempDir
    Path dir;

    private static IndexedChunk chunk(String id) {
        var doc = new SourceDocument(id, "test", "Title " + id, "body", "u", Instant.EPOCH, Acl.PUBLIC, "v1");
        return new IndexedChunk("c", doc, 0, new ChunkText("", "body"), "h", new float[] {1, 0});
    }

    @Test
    void keepsDocumentsAndCheckpointsAcrossReopening() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            index.replace("a", List.of(chunk("a")));
            index.commit("c", "cursor-7");
        }
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            assertThat(index.rebuilt()).isFalse();
            assertThat(index.chunkCount()).isEqualTo(1);
            assertThat(index.checkpoint("c")).contains("cursor-7");
            assertThat(index.knownVersions("c")).containsEntry("a", "v1");
        }
    }

    @Test
    void anIndexOfAnOlderSchemaIsEmptiedWithItsCheckpointsSoThatSyncsRebuildIt() throws IOException {
        try (var directory = FSDirectory.open(dir);
             var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document old = new Document();
            old.add(new StringField(IndexSchema.DOC_ID, "a", Field.Store.YES));
            writer.addDocument(old);
            writer.setLiveCommitData(Map.of("checkpoint:c", "cursor-7").entrySet());
            writer.commit();
        }
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            assertThat(index.rebuilt()).isTrue();
            assertThat(index.chunkCount()).isZero();
            assertThat(index.checkpoint("c")).isEmpty();
            index.replace("b", List.of(chunk("b")));
            index.commit("c", "cursor-1");
        }
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            assertThat(index.rebuilt()).isFalse();
            assertThat(index.knownVersions("c")).containsOnlyKeys("b");
        }
    }

    @Test
    void deletingAConnectorRemovesItsDocumentsAndCheckpointOnly() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            index.replace("a", List.of(chunk("a")));
            index.commit("c", "cursor-7");
            var other = new SourceDocument("b", "test", "Title b", "body", "u", Instant.EPOCH, Acl.PUBLIC, "v1");
            index.replace("b", List.of(new IndexedChunk("d", other, 0, new ChunkText("", "body"), "h", new float[] {1, 0})));
            index.commit("d", "cursor-1");
            assertThat(index.connectorIds()).containsExactly("c", "d");

            assertThat(index.deleteConnector("c")).isEqualTo(1);

            assertThat(index.connectorIds()).containsExactly("d");
            assertThat(index.checkpoint("c")).isEmpty();
            assertThat(index.knownVersions("d")).containsOnlyKeys("b");
        }
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            assertThat(index.connectorIds()).containsExactly("d");
            assertThat(index.checkpoint("c")).isEmpty();
        }
    }
}
