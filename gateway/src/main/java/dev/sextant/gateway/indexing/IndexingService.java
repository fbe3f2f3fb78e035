package dev.sextant.gateway.indexing;

import dev.sextant.connectors.Connector;
import dev.sextant.connectors.SyncSession;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.RateLimitedException;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.gateway.SextantConfig;
import dev.sextant.gateway.directory.SourceDirectory;
import dev.sextant.gateway.secrets.SecretException;
import dev.sextant.gateway.sources.ConnectorRegistry;
import dev.sextant.gateway.sources.DocumentStates;
import dev.sextant.gateway.sources.RecordingSession;
import dev.sextant.gateway.sources.RunRecorder;
import dev.sextant.gateway.sources.RunStore;
import dev.sextant.gateway.sources.SourceStore;
import dev.sextant.gateway.sources.StoredSource;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.ConsoleProgressBar;
import dev.sextant.indexer.IndexProgress;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.ProgressListener;
import dev.sextant.indexer.SyncReport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps the index in step with the sources: the configured ones ({@code --fs} folders, the demo corpus) and those
 * stored through the admin API. At start it closes the runs a crash left open, removes the documents of sources
 * no longer configured nor stored, then syncs every source in the background, on its schedule and on demand,
 * recording each run, while the server answers searches from the index as it is. At shutdown it stops the sync
 * before the index closes.
 */
@ApplicationScoped
public class IndexingService {

    private static final Logger LOG = Logger.getLogger(IndexingService.class);
    private static final int SKIPS_LOGGED = 20;

    private final Indexer indexer;
    private final ChunkIndex index;
    private final List<ConfiguredSource> configured;
    private final SyncScheduler scheduler;
    private final Duration shutdownTimeout;
    private final SourceStore store;
    private final RunStore runs;
    private final DocumentStates states;
    private final SourceDirectory directory;
    private final ConnectorRegistry registry;
    private final boolean demo;

    IndexingService(Indexer indexer, ChunkIndex index, SextantConfig config, SourceStore store, RunStore runs,
                    DocumentStates states, SourceDirectory directory) {
        this.indexer = indexer;
        this.index = index;
        this.configured = ConfiguredConnectors.from(config);
        this.scheduler = new SyncScheduler(configured, this::syncOnce, config.sync().interval());
        this.shutdownTimeout = config.sync().shutdownTimeout();
        this.store = store;
        this.runs = runs;
        this.states = states;
        this.directory = directory;
        this.registry = ConnectorRegistry.load(config.fs().maxFileMb() * 1024L * 1024L);
        this.demo = config.demo().enabled();
    }

    void onStart(@Observes StartupEvent event) {
        int interrupted = runs.closeInterrupted();
        if (interrupted > 0) {
            LOG.warnf("%d sync run(s) were still running when the server stopped; closed as interrupted, the next "
                    + "runs resume from the last committed checkpoints", interrupted);
        }
        List<StoredSource> stored = store.list();
        if (demo && !stored.isEmpty()) {
            throw new IllegalStateException("demo mode (sextant.demo.enabled=true) cannot run beside real sources: "
                    + "this data folder holds " + stored.size() + " source(s) added through the admin API ("
                    + String.join(", ", stored.stream().map(StoredSource::id).toList()) + "), and the demo accounts' "
                    + "password is published. Start without demo mode (--no-demo), or use another data folder");
        }
        removeUnknownSources(stored);
        if (configured.isEmpty() && stored.isEmpty()) {
            LOG.warn("no sources configured: start with the demo corpus (./sextant), name folders with --fs DIR, or "
                    + "add sources with POST /api/admin/sources");
        }
        scheduler.start();
        stored.forEach(this::schedule);
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

    /** Waits for every configured source's first sync after boot; true when they finished in time. */
    public boolean awaitInitialSync(Duration timeout) throws InterruptedException {
        return scheduler.awaitFirstRuns(timeout);
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    /** Queues a sync of the source now; empty when no source has that id. */
    Optional<SyncScheduler.Trigger> syncNow(String sourceId) {
        return scheduler.trigger(sourceId);
    }

    Optional<Boolean> pause(String sourceId) {
        Optional<Boolean> paused = scheduler.pause(sourceId);
        store.setPaused(sourceId, true, null);
        return paused;
    }

    Optional<SyncScheduler.Trigger> resume(String sourceId) {
        store.setPaused(sourceId, false, null);
        return scheduler.resume(sourceId);
    }

    /** Starts scheduling a source just stored. */
    void schedule(StoredSource source) {
        scheduler.add(new ConfiguredSource(source.id(), source.kind(), null,
                new StoredConnector(connectorIdOf(source), observer -> open(source.id(), observer))),
                source.interval(), source.paused(), source.pausedUntil());
    }

    /** Stops scheduling a stored source; false while it syncs. Empty when the scheduler has no such source. */
    Optional<Boolean> unschedule(String sourceId) {
        return scheduler.remove(sourceId);
    }

    /** Whether the id names a configured source ({@code --fs}, demo), which the admin API cannot edit. */
    boolean isConfigured(String sourceId) {
        return configured.stream().anyMatch(s -> s.id().equals(sourceId));
    }

    List<ConfiguredSource> configuredSources() {
        return configured;
    }

    public List<SourceStatus> sources() {
        return scheduler.sources();
    }

    Optional<SourceStatus> source(String sourceId) {
        return scheduler.source(sourceId);
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

    /** The index's name for a stored source's documents: the source id, or a folder's {@code fs:<root>}. */
    String connectorIdOf(StoredSource source) {
        try {
            return ConnectorRegistry.syncOf(registry.create(store.definition(source), HttpObserver.NONE),
                    directory).id();
        } catch (InvalidSourceException | SecretException | RuntimeException e) {
            return source.id();
        }
    }

    private Connector open(String sourceId, HttpObserver observer) throws IOException {
        StoredSource source = store.find(sourceId).orElseThrow(() -> new IOException("source " + sourceId
                + " was deleted"));
        try {
            SourceConnector connector = registry.create(store.definition(source), observer);
            return ConnectorRegistry.syncOf(connector, directory);
        } catch (InvalidSourceException | SecretException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void removeUnknownSources(List<StoredSource> stored) {
        Set<String> known = new HashSet<>();
        configured.forEach(s -> known.add(s.connector().id()));
        stored.forEach(s -> known.add(connectorIdOf(s)));
        try {
            for (String connectorId : index.connectorIds()) {
                if (!known.contains(connectorId)) {
                    int removed = index.deleteConnector(connectorId);
                    states.forget(connectorId);
                    LOG.infof("removed %d documents of %s: that source is no longer configured", removed, connectorId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the documents of sources no longer configured from the "
                    + "index; refusing to start with documents nobody syncs any more", e);
        }
    }

    /** Removes a deleted source's documents from the index and its state from the database. */
    int forget(String sourceId, String connectorId) throws IOException {
        int removed = index.deleteConnector(connectorId);
        states.forget(connectorId);
        runs.forget(sourceId);
        directory.forgetSource(sourceId);
        return removed;
    }

    private SyncReport syncOnce(ConfiguredSource source) throws IOException, InterruptedException {
        long runId = runs.start(source.id(), Instant.now());
        RunRecorder recorder = new RunRecorder(activity -> scheduler.activity(source.id(), activity));
        try {
            Connector connector = source.connector() instanceof StoredConnector stored ? stored.open(recorder)
                    : source.connector();
            Connector recorded = new Connector() {
                @Override
                public String id() {
                    return connector.id();
                }

                @Override
                public void sync(SyncSession indexSession) throws IOException, InterruptedException {
                    RecordingSession s = new RecordingSession(indexSession, recorder, states, connector.id(), runId);
                    boolean completed = false;
                    try {
                        connector.sync(s);
                        completed = true;
                    } finally {
                        flushStates(s, completed);
                    }
                }
            };
            SyncReport previous = scheduler.lastReports().get(connector.id());
            ProgressListener listener = previous == null && source.root() != null ? ConsoleProgressBar.forStderr()
                    : ProgressListener.NONE;
            SyncReport report = indexer.sync(recorded, listener);
            states.seenBy(connector.id(), runId);
            finish(runId, RunStore.Outcome.COMPLETED, recorder, null, null,
                    index.checkpoint(connector.id()).orElse(null));
            log(report, previous);
            return report;
        } catch (RateLimitedException e) {
            finish(runId, RunStore.Outcome.RATE_LIMITED, recorder, e.until(), e.getMessage(),
                    index.checkpoint(source.connector().id()).orElse(null));
            store.setPaused(source.id(), false, e.until());
            throw e;
        } catch (InterruptedException e) {
            finish(runId, RunStore.Outcome.INTERRUPTED, recorder, null, "the server was shutting down",
                    index.checkpoint(source.connector().id()).orElse(null));
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            recorder.error(source.id(), message);
            finish(runId, RunStore.Outcome.FAILED, recorder, null, message,
                    index.checkpoint(source.connector().id()).orElse(null));
            throw e;
        }
    }

    /** Writes the run's last per-document states; after a failed run a failure to write them is only logged. */
    private static void flushStates(RecordingSession session, boolean completed) {
        try {
            session.flush();
        } catch (RuntimeException e) {
            if (completed) {
                throw e;
            }
            LOG.warn("cannot write the per-document state of a sync that did not complete", e);
        }
    }

    /** Records how the run ended; a record that cannot be written is logged, never the end of the sync's outcome. */
    private void finish(long runId, RunStore.Outcome outcome, RunRecorder recorder, Instant pausedUntil,
                        String message, String checkpoint) {
        try {
            runs.finish(runId, outcome, recorder, pausedUntil, message, checkpoint);
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot record the end (%s) of sync run %d", outcome, runId);
        }
    }

    private static void log(SyncReport report, SyncReport previous) {
        boolean sameSkips = previous != null && previous.skipped().equals(report.skipped());
        if (report.upserted() == 0 && report.deleted() == 0 && report.aclUpdated() == 0 && sameSkips) {
            LOG.debugf("synced %s, nothing changed", report);
            return;
        }
        LOG.info("synced " + report);
        if (!sameSkips) {
            report.skipped().stream().limit(SKIPS_LOGGED)
                    .forEach(s -> LOG.warn("skipped " + s.location() + ": " + s.reason()));
            if (report.skipped().size() > SKIPS_LOGGED) {
                LOG.warn((report.skipped().size() - SKIPS_LOGGED) + " more skipped; see /api/index/status");
            }
        }
    }
}
