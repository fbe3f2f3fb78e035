package dev.sextant.bench.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.bench.MachineInfo;
import dev.sextant.bench.UsageException;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.SourceFixture;
import dev.sextant.indexer.BgeSmallEmbedder;
import dev.sextant.indexer.Chunker;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.HeadingAwareChunker;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.IndexerOptions;
import dev.sextant.indexer.ProgressListener;
import dev.sextant.indexer.SyncReport;
import dev.sextant.indexer.lucene.LuceneIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code ./sextant sync-bench}: syncs the connectors' fake sources through the production path ({@link SourceSync},
 * {@link Indexer}, {@link LuceneIndex}) and reports documents per second on a first sync (embedding excluded, and
 * included on a smaller corpus), on an unchanged re-sync, and requests per 1,000 documents.
 */
public final class SyncBenchCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream err;

    SyncBenchCommand(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SyncBenchCommand(System.err).run(args));
    }

    int run(String[] args) {
        SyncBenchArgs options;
        try {
            options = SyncBenchArgs.parse(args);
        } catch (UsageException e) {
            return UsageException.report(e, err, SyncBenchArgs.USAGE);
        }
        try {
            ObjectNode report = JSON.createObjectNode();
            report.put("date", Instant.now().toString());
            MachineInfo.describe(report.putObject("machine"));
            ArrayNode sources = report.putArray("sources");
            for (String fixture : options.fixtures()) {
                sources.add(measure(fixture, options));
            }
            JSON.writeValue(options.out().toFile(), report);
            err.println("sync-bench: report written to " + options.out());
            return 0;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            err.println("error: sync benchmark failed: " + e);
            e.printStackTrace(err);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private ObjectNode measure(String fixtureClass, SyncBenchArgs options)
            throws IOException, InterruptedException, ReflectiveOperationException {
        ObjectNode result = JSON.createObjectNode();
        result.put("fixture", fixtureClass);
        result.put("documents", options.documents());
        try (SourceFixture fixture = fixture(fixtureClass)) {
            fixture.seed(options.documents());
            Counting requests = new Counting();
            SourceSync connector = new SourceSync(fixture.connector(HttpSettings.DEFAULTS, requests), DirectoryStore.NONE);
            err.printf("sync-bench: %s, %d documents%n", fixtureClass, options.documents());
            try (Scratch scratch = new Scratch(new FreeEmbedder())) {
                int documents = fixture.documentIds().size();
                result.set("first_sync_embedding_excluded", scratch.sync(connector, requests, documents));
                result.set("unchanged_resync", scratch.sync(connector, requests, documents));
            }
        }
        if (options.embeddedDocuments() > 0) {
            try (SourceFixture fixture = fixture(fixtureClass);
                 Scratch scratch = new Scratch(new BgeSmallEmbedder())) {
                fixture.seed(options.embeddedDocuments());
                Counting requests = new Counting();
                SourceSync connector = new SourceSync(fixture.connector(HttpSettings.DEFAULTS, requests),
                        DirectoryStore.NONE);
                ObjectNode run = scratch.sync(connector, requests, fixture.documentIds().size());
                result.set("first_sync_embedding_included", run);
            }
        }
        return result;
    }

    private static SourceFixture fixture(String className) throws ReflectiveOperationException {
        return Class.forName(className).asSubclass(SourceFixture.class).getConstructor().newInstance();
    }

    private static final class Counting implements HttpObserver {
        final AtomicLong requests = new AtomicLong();

        @Override
        public void requested() {
            requests.incrementAndGet();
        }
    }

    /** A fresh index in a temporary folder, deleted afterwards. */
    private static final class Scratch implements AutoCloseable {
        private final Path dir;
        private final LuceneIndex index;
        private final Indexer indexer;

        Scratch(Embedder embedder) throws IOException {
            Chunker chunker = HeadingAwareChunker.defaults();
            dir = Files.createTempDirectory("sextant-sync-bench");
            index = LuceneIndex.open(dir, IndexProfile.of(embedder, chunker));
            indexer = new Indexer(index, chunker, embedder, IndexerOptions.defaults());
        }

        /** One sync; rates are per document the source holds, however often the sync looked at each. */
        ObjectNode sync(SourceSync connector, Counting requests, int documents) throws IOException, InterruptedException {
            long before = requests.requests.get();
            long start = System.nanoTime();
            SyncReport report = indexer.sync(connector, ProgressListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            long sent = requests.requests.get() - before;
            ObjectNode run = JSON.createObjectNode();
            run.put("documents", documents);
            run.put("seconds", Math.round(seconds * 1000) / 1000.0);
            run.put("documents_per_second", Math.round(documents / seconds * 10) / 10.0);
            run.put("upserted", report.upserted());
            run.put("unchanged", report.unchanged());
            run.put("acl_only", report.aclUpdated());
            run.put("skipped", report.skipped().size());
            run.put("chunks_embedded", report.chunksEmbedded());
            run.put("requests", sent);
            run.put("requests_per_1000_documents", documents == 0 ? 0 : Math.round(sent * 1000.0 / documents));
            return run;
        }

        @Override
        public void close() throws IOException {
            index.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
