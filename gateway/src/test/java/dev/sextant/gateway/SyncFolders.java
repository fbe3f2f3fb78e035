package dev.sextant.gateway;

import dev.sextant.acl.AclFormat;
import dev.sextant.connectors.fs.FilesystemConnector;
import dev.sextant.connectors.fs.FilesystemConnectorConfig;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.HeadingAwareChunker;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.IndexerOptions;
import dev.sextant.indexer.BgeSmallEmbedder;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.indexer.ProgressListener;
import dev.sextant.indexer.SyncReport;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A server on its own folder instead of the demo corpus (demo mode off), with a data folder that already
 * holds the documents of a folder no longer configured ({@link #STALE_WORD} is in them). Argument
 * {@code interval}: {@code sextant.sync.interval}. Readers need real accounts: see {@link SyncAccounts}.
 */
public class SyncFolders implements QuarkusTestResourceLifecycleManager {

    /** Only the documents of the folder that is no longer configured contain it. */
    static final String STALE_WORD = "marmalade";

    private String interval;
    private Path base;

    @Override
    public void init(Map<String, String> args) {
        interval = args.getOrDefault("interval", "PT1H");
    }

    @Override
    public Map<String, String> start() {
        try {
            base = Files.createTempDirectory("sextant-sync-test");
            Path root = Files.createDirectory(base.resolve("share"));
            write(root.resolve("projects/.sextant-acl"), "group:idp:staff\n");
            write(root.resolve("projects/kestrel.md"), "# Kestrel rollout\n\nThe kestrel rollout moves the ledger "
                    + "to quartzite storage before the end of the quarter.\n");
            write(root.resolve("archive/.sextant-acl"), "group:idp:staff\n");
            write(root.resolve("archive/heron.md"), "# Heron retrospective\n\nThe heron retrospective covers the "
                    + "obsidian outage and what the team changed after it.\n");
            Path data = Files.createDirectory(base.resolve("data"));
            indexStaleFolder(Files.createDirectory(base.resolve("gone")), data);
            return Map.of("sextant.data-dir", data.toString(), "sextant.demo.enabled", "false",
                    "sextant.fs.roots", root.toString(), "sextant.sync.interval", interval);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test folders", e);
        }
    }

    /** What an earlier run of the server would have left: a folder's documents, indexed and committed. */
    private static void indexStaleFolder(Path folder, Path data) throws Exception {
        write(folder.resolve("osprey.md"), "# Osprey plan\n\nThe osprey plan keeps the " + STALE_WORD
                + " budget for the staff offsite.\n");
        // Opened as the server opens it, so that the server keeps this index rather than rebuild it.
        var production = new IndexProfile(BgeSmallEmbedder.MODEL_ID, HeadingAwareChunker.defaults().fingerprint());
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"), production)) {
            Indexer indexer = new Indexer(index, HeadingAwareChunker.defaults(), new HashEmbedder(),
                    IndexerOptions.defaults());
            SyncReport report = indexer.sync(new FilesystemConnector(FilesystemConnectorConfig.of(folder,
                    AclFormat.parse("group:idp:staff"))), ProgressListener.NONE);
            if (report.upserted() != 1) {
                throw new IllegalStateException("the stale folder was not indexed: " + report);
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Override
    public void stop() {
        if (base == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(base)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    /** Unit vectors from a hash of the text: enough for documents that are only ever removed. */
    private static final class HashEmbedder implements Embedder {

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            return passages.stream().map(this::embedQuery).toList();
        }

        @Override
        public float[] embedQuery(String text) {
            float[] v = new float[dimension()];
            v[Math.floorMod(text.hashCode(), v.length)] = 1f;
            return v;
        }

        @Override
        public String modelId() {
            return "test-hash";
        }
    }
}
