package dev.sextant.gateway.indexing;

import dev.sextant.connectors.Connector;
import dev.sextant.gateway.SextantConfig;
import dev.sextant.indexer.ConsoleProgressBar;
import dev.sextant.indexer.IndexProgress;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.SyncReport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Syncs the configured connectors in the background, one after another, starting at boot: the server
 * answers searches from the existing index while it runs. Skipped items are logged and kept for the API.
 */
@ApplicationScoped
public class IndexingService {

    private static final Logger LOG = Logger.getLogger(IndexingService.class);
    private static final int SKIPS_LOGGED = 20;

    private final Indexer indexer;
    private final List<Connector> connectors;
    private final Map<String, SyncReport> lastReports = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final CountDownLatch initialSync = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sextant-indexing");
        t.setDaemon(true);
        return t;
    });

    IndexingService(Indexer indexer, SextantConfig config) {
        this.indexer = indexer;
        this.connectors = ConfiguredConnectors.from(config);
    }

    void onStart(@Observes StartupEvent event) {
        executor.submit(() -> {
            try {
                syncAll();
            } finally {
                initialSync.countDown();
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Waits for the sync started at boot; true when it finished in time. */
    public boolean awaitInitialSync(Duration timeout) throws InterruptedException {
        return initialSync.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public IndexProgress.Snapshot progress() {
        return indexer.progress().snapshot();
    }

    public Map<String, SyncReport> lastReports() {
        return Map.copyOf(lastReports);
    }

    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    private void syncAll() {
        if (connectors.isEmpty()) {
            LOG.warn("no sources configured: start with the demo corpus (./sextant) or name folders with --fs DIR");
        }
        for (Connector connector : connectors) {
            try {
                SyncReport report = indexer.sync(connector, ConsoleProgressBar.forStderr());
                lastReports.put(connector.id(), report);
                failures.remove(connector.id());
                LOG.info("synced " + report);
                report.skipped().stream().limit(SKIPS_LOGGED)
                        .forEach(s -> LOG.warn("skipped " + s.location() + ": " + s.reason()));
                if (report.skipped().size() > SKIPS_LOGGED) {
                    LOG.warn((report.skipped().size() - SKIPS_LOGGED) + " more skipped; see /api/index/status");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.put(connector.id(), String.valueOf(e.getMessage()));
                LOG.error("sync of " + connector.id() + " failed; the index keeps its previous state", e);
            }
        }
    }
}
