package dev.sextant.indexer.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.TestProfile;
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
        try (LuceneIndex index = LuceneIndex.open(dir, TestProfile.PROFILE)) {
            index.replace("a", List.of(chunk("a")));
            index.commit("c", "cursor-7");
        }
        try (LuceneIndex index = LuceneIndex.open(dir, TestProfile.PROFILE)) {
            assertThat(index.rebuiltBecause()).isEmpty();
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
        try (LuceneIndex index = LuceneIndex.open(dir, TestProfile.PROFILE)) {
            assertThat(index.rebuiltBecause()).hasValueSatisfying(why -> assertThat(why).contains("layout"));
            assertThat(index.chunkCount()).isZero();
            assertThat(index.checkpoint("c")).isEmpty();
            index.replace("b", List.of(chunk("b")));
            index.commit("c", "cursor-1");
        }
        try (LuceneIndex index = LuceneIndex.open(dir, TestProfile.PROFILE)) {
            assertThat(index.rebuiltBecause()).isEmpty();
            assertThat(index.knownVersions("c")).containsOnlyKeys("b");
        }
    }

    @Test
    void anotherChunkerEmptiesTheIndexButLendsTheVectorsOfUnchangedTextUntilClosed() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir, TestProfile.PROFILE)) {
            index.replace("a", List.of(chunk("a")));
            index.commit("c", "cursor-7");
        }
        IndexProfile rechunked = new IndexProfile(TestProfile.PROFILE.embedder(), "other-chunks");
        Path donor = dir.resolveSibling(dir.getFileName() + ".previous");
        try (LuceneIndex index = LuceneIndex.open(dir, rechunked)) {
            assertThat(index.rebuiltBecause()).hasValueSatisfying(why -> assertThat(why).contains("passages"));
            assertThat(index.chunkCount()).isZero();
            assertThat(index.checkpoint("c")).isEmpty();
            assertThat(index.vectorsOf("a")).containsOnlyKeys("h");
            assertThat(index.vectorsOf("a").get("h")).containsExactly(1, 0);
            assertThat(donor).isDirectory();
        }
        assertThat(donor).doesNotExist();
        try (LuceneIndex index = LuceneIndex.open(dir, rechunked)) {
            assertThat(index.rebuiltBecause()).isEmpty();
            assertThat(index.vectorsOf("a")).isEmpty();
        }
    }

    @Test
    void anotherModelEmptiesTheIndexWithNothingToReuse() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir, TestProfile.PROFILE)) {
            index.replace("a", List.of(chunk("a")));
            index.commit("c", "cursor-7");
        }
        try (LuceneIndex index = LuceneIndex.open(dir, new IndexProfile("another-model", TestProfile.PROFILE.chunker()))) {
            assertThat(index.rebuiltBecause()).hasValueSatisfying(why -> assertThat(why).contains("another-model"));
            assertThat(index.chunkCount()).isZero();
            assertThat(index.vectorsOf("a")).isEmpty();
            assertThat(index.checkpoint("c")).isEmpty();
        }
    }

    @Test
    void parsesWebSearchSyntax() {
        assertThat(LuceneQueryParser.parse("\"replication lag\" +postgres -mysql promot* (a | b)").toString())
                .contains("content:\"replic lag\"").contains("+content:postgr").contains("-content:mysql")
                .contains("content:promot*");
        assertThat(LuceneQueryParser.parse("the of").toString()).contains("MatchNoDocsQuery");
        assertThat(LuceneQueryParser.parse("a~2 b~ ~").toString()).doesNotContain("~");
    }
}
