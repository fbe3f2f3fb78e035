package dev.sextant.gateway.indexing;

import dev.sextant.connectors.http.RateLimitedException;
import dev.sextant.indexer.SyncReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the sources' syncs on one indexing thread: each source once at start, then again its interval after its
 * previous run ended (a failed run too, so a failure is retried), and on demand. A source is never queued twice
 * nor run twice at once; runs of different sources wait for each other. A run stopped by the source's rate limit
 * ({@link RateLimitedException}) pauses the source until the reset, when it runs again; an admin's pause holds it
 * until resumed. Sources stored through the admin API are added and removed while the scheduler runs.
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
        /** An admin paused it; nothing changed until it is resumed. */
        PAUSED,
        /** The server is shutting down. */
        STOPPING
    }

    private enum Phase { IDLE, QUEUED, RUNNING }

    /** One source's schedule; guarded by its own monitor. */
    private static final class Slot {
        final ConfiguredSource source;
        final Duration interval;
        final boolean stored;
        final boolean initial;
        Phase phase = Phase.IDLE;
        /** Identifies the one task allowed to run next; a task holding an older one was superseded. */
        Object token;
        ScheduledFuture<?> pending;
        Instant nextRun;
        boolean paused;
        Instant pausedUntil;
        volatile String activity;
        boolean removed;
        SyncRun lastRun;
        SyncReport lastReport;
        int runs;

        Slot(ConfiguredSource source, Duration interval, boolean stored, boolean initial) {
            this.source = source;
            this.interval = interval;
            this.stored = stored;
            this.initial = initial;
        }
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Runner runner;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor executor;
    private final CountDownLatch firstRuns;

    SyncScheduler(List<ConfiguredSource> sources, Runner runner, Duration interval) {
        requirePositive(interval, "sextant.sync.interval");
        for (ConfiguredSource source : sources) {
            slots.put(source.id(), new Slot(source, interval, false, true));
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

    static void requirePositive(Duration interval, String what) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + interval);
        }
    }

    /** Queues every configured source, in configuration order. */
    void start() {
        slotList().stream().filter(s -> s.initial).forEach(s -> trigger(s.source.id()));
    }

    /**
     * Adds a stored source with its own interval: queued now unless paused; one paused by a rate limit runs at
     * {@code pausedUntil}. Throws when the id is taken.
     */
    void add(ConfiguredSource source, Duration every, boolean paused, Instant pausedUntil) {
        requirePositive(every, "a source's interval");
        Slot slot = new Slot(source, every, true, false);
        synchronized (slots) {
            if (slots.containsKey(source.id())) {
                throw new IllegalArgumentException("a source with the id " + source.id() + " exists already");
            }
            slots.put(source.id(), slot);
        }
        synchronized (slot) {
            slot.paused = paused;
            if (!paused) {
                Instant now = Instant.now();
                slot.pausedUntil = pausedUntil != null && pausedUntil.isAfter(now) ? pausedUntil : null;
                schedule(slot, slot.pausedUntil == null ? Duration.ZERO : Duration.between(now, slot.pausedUntil));
            }
        }
    }

    /** Removes a stored source; false (and nothing removed) while it runs. Empty when there is no such source. */
    Optional<Boolean> remove(String sourceId) {
        Slot slot = slot(sourceId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            if (slot.phase == Phase.RUNNING) {
                return Optional.of(false);
            }
            cancel(slot);
            slot.removed = true;
        }
        synchronized (slots) {
            slots.remove(sourceId);
        }
        return Optional.of(true);
    }

    /** An admin's pause: nothing runs until {@link #resume}; a running sync finishes. */
    Optional<Boolean> pause(String sourceId) {
        Slot slot = slot(sourceId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            slot.paused = true;
            cancel(slot);
            if (slot.phase == Phase.QUEUED) {
                slot.phase = Phase.IDLE;
            }
            return Optional.of(true);
        }
    }

    /** Ends an admin's pause or a rate limit's, and queues a run now. */
    Optional<Trigger> resume(String sourceId) {
        Slot slot = slot(sourceId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            slot.paused = false;
            slot.pausedUntil = null;
        }
        return trigger(sourceId);
    }

    /** Queues the source to run as soon as the thread is free; empty when there is no such source. */
    Optional<Trigger> trigger(String sourceId) {
        Slot slot = slot(sourceId);
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
            if (slot.paused) {
                return Optional.of(Trigger.PAUSED);
            }
            cancel(slot);
            return Optional.of(schedule(slot, Duration.ZERO) ? Trigger.QUEUED : Trigger.STOPPING);
        }
    }

    /** Says what the running sync of the source waits for (null: nothing), for its status. */
    void activity(String sourceId, String activity) {
        Slot slot = slot(sourceId);
        if (slot != null) {
            slot.activity = activity;
        }
    }

    /** Every source's state now: configured ones in configuration order, then stored ones as added. */
    List<SourceStatus> sources() {
        return slotList().stream().map(this::status).toList();
    }

    Optional<SourceStatus> source(String sourceId) {
        return Optional.ofNullable(slot(sourceId)).map(this::status);
    }

    /** The latest completed report of each source, by connector id. */
    Map<String, SyncReport> lastReports() {
        Map<String, SyncReport> reports = new LinkedHashMap<>();
        for (Slot slot : slotList()) {
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
        for (Slot slot : slotList()) {
            synchronized (slot) {
                if (slot.lastRun != null && !slot.lastRun.ok()) {
                    failures.put(slot.source.connector().id(), slot.lastRun.failure());
                }
            }
        }
        return failures;
    }

    /** Waits until every configured source has finished its first run; true when that happened in time. */
    boolean awaitFirstRuns(Duration timeout) throws InterruptedException {
        return firstRuns.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The source syncing now, if any. */
    Optional<String> running() {
        for (Slot slot : slotList()) {
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

    private Slot slot(String id) {
        synchronized (slots) {
            return slots.get(id);
        }
    }

    private List<Slot> slotList() {
        synchronized (slots) {
            return new ArrayList<>(slots.values());
        }
    }

    /** Caller holds the slot's monitor. */
    private static void cancel(Slot slot) {
        if (slot.pending != null) {
            slot.pending.cancel(false);
            slot.pending = null;
        }
        slot.token = null;
        slot.nextRun = null;
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
            if (slot.token != token || slot.removed) {
                return;
            }
            slot.token = null;
            slot.pending = null;
            slot.nextRun = null;
            slot.pausedUntil = null;
            slot.phase = Phase.RUNNING;
            started = Instant.now();
        }
        SyncReport report = null;
        String failure = null;
        Instant rateLimitedUntil = null;
        boolean interrupted = false;
        try {
            report = runner.sync(slot.source);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (RateLimitedException e) {
            rateLimitedUntil = e.until();
            LOG.warnf("sync of %s stopped by the source's rate limit (%s); paused until %s", slot.source.id(),
                    e.getMessage(), e.until());
        } catch (Exception | Error e) {
            // Code below the connector may wrap the interrupt of a shutdown in an exception of its own.
            interrupted = executor.isShutdown();
            if (!interrupted) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.errorf(e, "sync of %s (%s) failed; the index keeps its previous state, the next run in %s "
                        + "retries", slot.source.id(),
                        slot.source.root() == null ? slot.source.kind() : slot.source.root(), slot.interval);
            }
        }
        if (interrupted) {
            failure = "interrupted: the server was shutting down";
        }
        synchronized (slot) {
            slot.activity = null;
            slot.lastRun = new SyncRun(started, Instant.now(), report, failure, rateLimitedUntil);
            if (report != null) {
                slot.lastReport = report;
            }
            slot.runs++;
            slot.phase = Phase.IDLE;
            if (slot.runs == 1 && slot.initial) {
                firstRuns.countDown();
            }
            if (!interrupted && !slot.paused && !slot.removed) {
                Instant now = Instant.now();
                if (rateLimitedUntil != null) {
                    slot.pausedUntil = rateLimitedUntil;
                }
                schedule(slot, rateLimitedUntil == null ? slot.interval
                        : Duration.between(now, rateLimitedUntil).isNegative() ? Duration.ZERO
                        : Duration.between(now, rateLimitedUntil));
                if (rateLimitedUntil != null && slot.phase == Phase.QUEUED) {
                    slot.pausedUntil = null;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private SourceStatus status(Slot slot) {
        synchronized (slot) {
            ConfiguredSource s = slot.source;
            String state = slot.phase == Phase.IDLE && slot.paused ? "paused"
                    : slot.phase == Phase.IDLE && slot.pausedUntil != null ? "rate_limited"
                    : slot.phase.name().toLowerCase(java.util.Locale.ROOT);
            return new SourceStatus(s.id(), s.connector().id(), s.kind(), s.root() == null ? null : s.root().toString(),
                    slot.interval.toString(), state, slot.stored, slot.pausedUntil, slot.activity, slot.runs,
                    slot.lastRun, slot.nextRun);
        }
    }
}
