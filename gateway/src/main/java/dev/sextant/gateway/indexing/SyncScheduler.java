package dev.sextant.gateway.indexing;

import dev.sextant.indexer.SyncReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the sources' syncs on one indexing thread: each source once at start, then again an interval after
 * its previous run ended (a failed run too, so a failure is retried), and on demand. A source is never
 * queued twice nor run twice at once; runs of different sources wait for each other.
 */
final class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    /** Runs one sync of the source; the scheduler keeps what it returns or throws. */
    @FunctionalInterface
    interface Runner {
        SyncReport sync(ConfiguredSource source) throws IOException, InterruptedException;
    }

    /** What an on-demand request did. */
    enum Trigger {
        /** The source will run as soon as the indexing thread is free. */
        QUEUED,
        /** It was waiting for the thread already; nothing changed. */
        ALREADY_QUEUED,
        /** It is syncing now; nothing changed. */
        RUNNING,
        /** The server is shutting down. */
        STOPPING
    }

    private enum Phase { IDLE, QUEUED, RUNNING }

    /** One source's schedule; guarded by its own monitor. */
    private static final class Slot {
        final ConfiguredSource source;
        Phase phase = Phase.IDLE;
        /** Identifies the one task allowed to run next; a task holding an older one was superseded. */
        Object token;
        ScheduledFuture<?> pending;
        Instant nextRun;
        SyncRun lastRun;
        SyncReport lastReport;
        int runs;

        Slot(ConfiguredSource source) {
            this.source = source;
        }
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Runner runner;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor executor;
    private final CountDownLatch firstRuns;

    SyncScheduler(List<ConfiguredSource> sources, Runner runner, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sextant.sync.interval must be positive, was " + interval);
        }
        for (ConfiguredSource source : sources) {
            slots.put(source.id(), new Slot(source));
        }
        this.runner = runner;
        this.interval = interval;
        this.firstRuns = new CountDownLatch(sources.size());
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sextant-indexing");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Queues every source, in configuration order. */
    void start() {
        slots.keySet().forEach(this::trigger);
    }

    /** Queues the source to run as soon as the thread is free; empty when there is no such source. */
    Optional<Trigger> trigger(String sourceId) {
        Slot slot = slots.get(sourceId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            if (slot.phase == Phase.RUNNING) {
                return Optional.of(Trigger.RUNNING);
            }
            if (slot.phase == Phase.QUEUED) {
                return Optional.of(Trigger.ALREADY_QUEUED);
            }
            if (slot.pending != null) {
                slot.pending.cancel(false);
            }
            return Optional.of(schedule(slot, Duration.ZERO) ? Trigger.QUEUED : Trigger.STOPPING);
        }
    }

    /** Every source's state now, in configuration order. */
    List<SourceStatus> sources() {
        return slots.values().stream().map(this::status).toList();
    }

    /** The latest completed report of each source, by connector id. */
    Map<String, SyncReport> lastReports() {
        Map<String, SyncReport> reports = new LinkedHashMap<>();
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.lastReport != null) {
                    reports.put(slot.source.connector().id(), slot.lastReport);
                }
            }
        }
        return reports;
    }

    /** Why a source's latest run failed, by connector id, for the sources whose latest run failed. */
    Map<String, String> failures() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.lastRun != null && !slot.lastRun.ok()) {
                    failures.put(slot.source.connector().id(), slot.lastRun.failure());
                }
            }
        }
        return failures;
    }

    /** Waits until every source has finished its first run; true when that happened in time. */
    boolean awaitFirstRuns(Duration timeout) throws InterruptedException {
        return firstRuns.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The source syncing now, if any. */
    Optional<String> running() {
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.phase == Phase.RUNNING) {
                    return Optional.of(slot.source.id());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Drops what is queued, interrupts the running sync and waits for the thread to end; true when it did
     * within the timeout.
     */
    boolean stop(Duration timeout) throws InterruptedException {
        executor.shutdownNow();
        return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Caller holds the slot's monitor. False when the executor no longer takes work. */
    private boolean schedule(Slot slot, Duration delay) {
        Object token = new Object();
        try {
            slot.pending = executor.schedule(() -> run(slot, token), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            slot.pending = null;
            slot.nextRun = null;
            return false;
        }
        slot.token = token;
        slot.phase = delay.isZero() ? Phase.QUEUED : Phase.IDLE;
        slot.nextRun = delay.isZero() ? null : Instant.now().plus(delay);
        return true;
    }

    private void run(Slot slot, Object token) {
        Instant started;
        synchronized (slot) {
            if (slot.token != token) {
                return;
            }
            slot.token = null;
            slot.pending = null;
            slot.nextRun = null;
            slot.phase = Phase.RUNNING;
            started = Instant.now();
        }
        SyncReport report = null;
        String failure = null;
        boolean interrupted = false;
        try {
            report = runner.sync(slot.source);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (Exception | Error e) {
            // Code below the connector may wrap the interrupt of a shutdown in an exception of its own.
            interrupted = executor.isShutdown();
            if (!interrupted) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.errorf(e, "sync of %s (%s) failed; the index keeps its previous state, the next run in %s "
                        + "retries", slot.source.id(), slot.source.root(), interval);
            }
        }
        if (interrupted) {
            failure = "interrupted: the server was shutting down";
        }
        synchronized (slot) {
            slot.lastRun = new SyncRun(started, Instant.now(), report, failure);
            if (report != null) {
                slot.lastReport = report;
            }
            slot.runs++;
            slot.phase = Phase.IDLE;
            if (slot.runs == 1) {
                firstRuns.countDown();
            }
            if (!interrupted) {
                schedule(slot, interval);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private SourceStatus status(Slot slot) {
        synchronized (slot) {
            ConfiguredSource s = slot.source;
            return new SourceStatus(s.id(), s.connector().id(), s.kind(), s.root().toString(), interval.toString(),
                    slot.phase.name().toLowerCase(Locale.ROOT), slot.runs, slot.lastRun, slot.nextRun);
        }
    }
}
