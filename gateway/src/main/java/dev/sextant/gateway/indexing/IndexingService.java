package dev.sextant.gateway.indexing;

import dev.sextant.gateway.SextantConfig;
import dev.sextant.indexer.ConsoleProgressBar;
import dev.sextant.indexer.IndexProgress;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.ProgressListener;
import dev.sextant.indexer.SyncReport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the index in step with the configured sources: at start it removes the documents of sources no
 * longer configured, then syncs every source in the background, on a schedule and on demand, while the
 * server answers searches from the index as it is. At shutdown it stops the sync before the index closes.
 */
@ApplicationScoped
public class IndexingService {

    private static final Logger LOG = Logger.getLogger(IndexingService.class);
    private static final int SKIPS_LOGGED = 20;

    private final Indexer indexer;
    private final ChunkIndex index;
    private final List<ConfiguredSource> sources;
    private final SyncScheduler scheduler;
    private final Duration shutdownTimeout;

    IndexingService(Indexer indexer, ChunkIndex index, SextantConfig config) {
        this.indexer = indexer;
        this.index = index;
        this.sources = ConfiguredConnectors.from(config);
        this.scheduler = new SyncScheduler(sources, this::syncOnce, config.sync().interval());
        this.shutdownTimeout = config.sync().shutdownTimeout();
    }

    void onStart(@Observes StartupEvent event) {
        removeUnconfiguredSources();
        if (sources.isEmpty()) {
            LOG.warn("no sources configured: start with the demo corpus (./sextant) or name folders with --fs DIR");
        }
        scheduler.start();
    }

    /** Runs before the container disposes of the index (observers of ShutdownEvent are called first). */
    void onStop(@Observes ShutdownEvent event) {
        Optional<String> running = scheduler.running();
        running.ifPresent(id -> LOG.infof("shutting down: stopping the sync of %s (waiting up to %s)", id,
                shutdownTimeout));
        try {
            if (!scheduler.stop(shutdownTimeout)) {
                LOG.warnf("the sync of %s did not stop within %s; the index closes without committing its work, "
                        + "the next start redoes it", running.orElse("a source"), shutdownTimeout);
            } else if (running.isPresent()) {
                LOG.infof("the sync of %s stopped; its uncommitted work is redone at the next start", running.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every source's first sync after boot; true when they finished in time. */
    public boolean awaitInitialSync(Duration timeout) throws InterruptedException {
        return scheduler.awaitFirstRuns(timeout);
    }

    /** Queues a sync of the source now; empty when no configured source has that id. */
    Optional<SyncScheduler.Trigger> syncNow(String sourceId) {
        return scheduler.trigger(sourceId);
    }

    public List<SourceStatus> sources() {
        return scheduler.sources();
    }

    public IndexProgress.Snapshot progress() {
        return indexer.progress().snapshot();
    }

    /** Each source's latest completed sync report, by connector id. */
    public Map<String, SyncReport> lastReports() {
        return scheduler.lastReports();
    }

    /** Why a source's latest sync failed, by connector id. */
    public Map<String, String> failures() {
        return scheduler.failures();
    }

    private void removeUnconfiguredSources() {
        Set<String> configured = sources.stream().map(s -> s.connector().id()).collect(Collectors.toSet());
        try {
            for (String connectorId : index.connectorIds()) {
                if (!configured.contains(connectorId)) {
                    int removed = index.deleteConnector(connectorId);
                    LOG.infof("removed %d documents of %s: that source is no longer configured", removed, connectorId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the documents of sources no longer configured from the "
                    + "index; refusing to start with documents nobody syncs any more", e);
        }
    }

    private SyncReport syncOnce(ConfiguredSource source) throws IOException, InterruptedException {
        SyncReport previous = scheduler.lastReports().get(source.connector().id());
        ProgressListener listener = previous == null ? ConsoleProgressBar.forStderr() : ProgressListener.NONE;
        SyncReport report = indexer.sync(source.connector(), listener);
        boolean sameSkips = previous != null && previous.skipped().equals(report.skipped());
        if (report.upserted() == 0 && report.deleted() == 0 && report.aclUpdated() == 0 && sameSkips) {
            LOG.debugf("synced %s, nothing changed", report);
            return report;
        }
        LOG.info("synced " + report);
        if (!sameSkips) {
            report.skipped().stream().limit(SKIPS_LOGGED)
                    .forEach(s -> LOG.warn("skipped " + s.location() + ": " + s.reason()));
            if (report.skipped().size() > SKIPS_LOGGED) {
                LOG.warn((report.skipped().size() - SKIPS_LOGGED) + " more skipped; see /api/index/status");
            }
        }
        return report;
    }
}
