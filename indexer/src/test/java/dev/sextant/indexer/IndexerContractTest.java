package dev.sextant.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.indexer.lucene.LuceneIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer's promises to every connector: unchanged text is never embedded again (an ACL-only change
 * embeds nothing, a one-section edit only that section's chunks), deletions apply, a failed sync keeps the
 * last committed checkpoint and state, one bad document is a skip, and a JVM killed mid-sync and restarted
 * ends with the same index as a sync that was never interrupted.
 */
class IndexerContractTest {

    private static final Acl FINANCE = Acl.of(AclClause.of(Principal.group("idp", "finance")));
    private static final IndexerOptions OPTIONS = new IndexerOptions(4, 5, Duration.ofSeconds(3));

    @TempDir
    Path dir;

    private static String sections(String second) {
        return "# One\n" + "alpha ".repeat(150) + "\n# Two\n" + second + "\n# Three\n" + "gamma ".repeat(150);
    }

    private static SyncReport sync(LuceneIndex index, ListConnector connector, Embedder embedder, Chunker chunker)
            throws IOException, InterruptedException {
        return new Indexer(index, chunker, embedder, OPTIONS).sync(connector, p -> { });
    }

    private LuceneIndex open(Path path, HashEmbedder embedder) throws IOException {
        return LuceneIndex.open(path, IndexProfile.of(embedder, HeadingAwareChunker.defaults()));
    }

    @Test
    void onlyChangedTextIsEmbeddedAgain() throws Exception {
        HashEmbedder embedder = new HashEmbedder();
        ListConnector source = new ListConnector();
        source.put("doc", Acl.PUBLIC, "v1", sections("beta ".repeat(150)));
        try (LuceneIndex index = open(dir, embedder)) {
            SyncReport first = sync(index, source, embedder, HeadingAwareChunker.defaults());
            assertThat(first.chunksEmbedded()).isEqualTo(3);

            source.put("doc", FINANCE, "v2", sections("beta ".repeat(150)));
            SyncReport aclOnly = sync(index, source, embedder, HeadingAwareChunker.defaults());
            assertThat(aclOnly.chunksEmbedded()).isZero();
            assertThat(aclOnly.chunksReused()).isEqualTo(3);
            try (IndexSnapshot snapshot = index.snapshot()) {
                assertThat(snapshot.lexical("alpha", Principals.of(Principal.PUBLIC), 10)).isEmpty();
            }

            source.put("doc", FINANCE, "v3", sections("delta ".repeat(150)));
            SyncReport oneSection = sync(index, source, embedder, HeadingAwareChunker.defaults());
            assertThat(oneSection.chunksEmbedded()).isEqualTo(1);
            assertThat(oneSection.chunksReused()).isEqualTo(2);
            assertThat(embedder.passagesEmbedded).hasValue(4);
        }
    }

    @Test
    void deletionsApplyAndADocumentThatCannotBeChunkedIsASkip() throws Exception {
        HashEmbedder embedder = new HashEmbedder();
        ListConnector source = new ListConnector();
        source.put("a", Acl.PUBLIC, "v1", "first");
        source.put("poison", Acl.PUBLIC, "v1", "poison");
        source.put("b", Acl.PUBLIC, "v1", "second");
        Chunker failsOnPoison = (title, body) -> {
            if (body.equals("poison")) {
                throw new StackOverflowError("a pathological document");
            }
            return HeadingAwareChunker.defaults().chunk(title, body);
        };
        try (LuceneIndex index = open(dir, embedder)) {
            SyncReport report = sync(index, source, embedder, failsOnPoison);
            assertThat(report.skipped()).singleElement().satisfies(s -> {
                assertThat(s.location()).isEqualTo("poison");
                assertThat(s.reason()).contains("pathological");
            });
            assertThat(index.knownVersions("list")).containsOnlyKeys("a", "b");

            source.documents.remove("a");
            SyncReport second = sync(index, source, embedder, failsOnPoison);
            assertThat(second.deleted()).isEqualTo(1);
            assertThat(index.knownVersions("list")).containsOnlyKeys("b");
        }
    }

    @Test
    void aFailedSyncKeepsTheLastCommittedCheckpointAndState() throws Exception {
        HashEmbedder embedder = new HashEmbedder();
        ListConnector source = new ListConnector();
        for (int i = 0; i < 3; i++) {
            source.put("d" + i, Acl.PUBLIC, "v1", "text " + i);
        }
        try (LuceneIndex index = open(dir, embedder)) {
            sync(index, source, embedder, HeadingAwareChunker.defaults());
            assertThat(index.checkpoint("list")).contains("page:0");
        }
        source.put("d3", Acl.PUBLIC, "v1", "text 3");
        source.put("d0", Acl.PUBLIC, "v2", "changed text 0");
        source.failAfter = 2;
        try (LuceneIndex index = open(dir, embedder)) {
            assertThatThrownBy(() -> sync(index, source, embedder, HeadingAwareChunker.defaults()))
                    .isInstanceOf(IOException.class).hasMessageContaining("went away");
            assertThat(index.checkpoint("list")).contains("page:0");
        }
        try (LuceneIndex index = open(dir, embedder)) {
            assertThat(index.checkpoint("list")).contains("page:0");
            assertThat(index.knownVersions("list")).isEqualTo(Map.of("d0", "v1", "d1", "v1", "d2", "v1"));
        }
    }

    /** The corpus {@link KilledSync} and this test both sync: 60 documents, some of several chunks. */
    static ListConnector corpus() {
        ListConnector source = new ListConnector();
        for (int i = 0; i < 60; i++) {
            Acl acl = i % 3 == 0 ? FINANCE : Acl.PUBLIC;
            source.put(String.format("doc-%02d", i), acl, "v" + (i % 7), ("word" + i + " ").repeat(40 + i * 7));
        }
        return source;
    }

    @Test
    void aJvmKilledMidSyncAndRestartedEndsWithTheIndexOfAnUninterruptedSync() throws Exception {
        Path killed = dir.resolve("killed");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledSync.class.getName(), killed.toString())
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int processed = 0;
            while (processed < 25 && (line = out.readLine()) != null) {
                if (line.startsWith("processed ")) {
                    processed = Integer.parseInt(line.substring("processed ".length()));
                }
            }
            assertThat(processed).as("the child got a good way into its sync before it was killed").isGreaterThanOrEqualTo(25);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        HashEmbedder embedder = new HashEmbedder();
        try (LuceneIndex index = open(killed, embedder)) {
            assertThat(index.checkpoint("list")).as("a checkpoint from an intermediate commit")
                    .hasValueSatisfying(c -> assertThat(c).isNotEqualTo("page:0"));
            assertThat(index.knownVersions("list")).as("not everything was synced").hasSizeLessThan(60);
            sync(index, corpus(), embedder, HeadingAwareChunker.defaults());
        }
        Path uninterrupted = dir.resolve("uninterrupted");
        try (LuceneIndex index = open(uninterrupted, embedder)) {
            sync(index, corpus(), embedder, HeadingAwareChunker.defaults());
        }
        assertThat(contents(killed)).isEqualTo(contents(uninterrupted));
    }

    /** Every chunk of the index: id, version, ACL and text, and every document's vectors, in a comparable form. */
    private Map<String, String> contents(Path path) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        int chunks = 0;
        try (LuceneIndex index = open(path, new HashEmbedder()); IndexSnapshot snapshot = index.snapshot()) {
            for (var doc : index.knownVersions("list").entrySet()) {
                for (int i = 0; ; i++) {
                    Passage p = snapshot.fetch(List.of(doc.getKey() + "#" + i), "word").get(doc.getKey() + "#" + i);
                    if (p == null) {
                        break;
                    }
                    contents.put(doc.getKey() + "#" + i, doc.getValue() + "|" + p.aclText() + "|" + p.text());
                    chunks++;
                }
                index.vectorsOf(doc.getKey()).forEach((hash, v) ->
                        contents.put(doc.getKey() + "/" + hash, java.util.Arrays.toString(v)));
            }
            assertThat(index.chunkCount()).isEqualTo(chunks);
        }
        return contents;
    }
}
