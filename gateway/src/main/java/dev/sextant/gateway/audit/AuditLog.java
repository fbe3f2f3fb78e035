package dev.sextant.gateway.audit;

import dev.sextant.gateway.auth.AccountIdentities;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Records what people searched, asked and chatted, off the request thread: {@link #record} only queues the event,
 * one writer thread stores them in batches, and a failed write is logged, never felt by the request. Events older
 * than {@link AuditConfig#retention()} are deleted at start and then once a day.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /** Events waiting for the writer; past this (the database has been failing for a while) new ones are dropped. */
    private static final int QUEUE = 10_000;
    private static final int BATCH = 200;
    private static final Duration PRUNE_EVERY = Duration.ofDays(1);

    private final AuditStore store;
    private final Duration retention;
    private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer = Thread.ofPlatform().daemon().name("audit-writer").unstarted(this::write);
    private final ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("audit-prune").factory());
    private volatile boolean stopping;

    @Inject
    AuditLog(DataSource dataSource, AuditConfig config) {
        this.store = new AuditStore(dataSource);
        this.retention = config.retention();
    }

    void start(@Observes StartupEvent event) {
        writer.start();
        pruner.scheduleWithFixedDelay(this::prune, 0, PRUNE_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        pruner.shutdownNow();
        writer.interrupt();
        writer.join(Duration.ofSeconds(10));
    }

    /** Queues one event of the signed-in person; returns at once. */
    public void record(SecurityIdentity who, AuditAction action, String query, String searched, List<String> docIds) {
        String email = who.getAttribute(AccountIdentities.EMAIL);
        record(new AuditEvent(Instant.now(), who.getPrincipal().getName(),
                email == null ? null : email.strip().toLowerCase(Locale.ROOT), action,
                query == null ? "" : query, searched, docIds));
    }

    void record(AuditEvent event) {
        if (stopping || !queue.offer(event)) {
            long n = dropped.incrementAndGet();
            LOG.errorf("audit event dropped (%d so far): the audit writer is %s", n,
                    stopping ? "stopped" : QUEUE + " events behind");
            return;
        }
        queued.incrementAndGet();
    }

    /** Waits until every event queued so far is written (or failed and logged); false on timeout. */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long target = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Deletes the events past the retention; returns how many went, or -1 when the database failed. */
    public int prune() {
        try {
            int n = store.deleteBefore(Instant.now().minus(retention));
            if (n > 0) {
                LOG.infof("audit log: deleted %d events older than %s", n, describe(retention));
            }
            return n;
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "audit log: could not delete the events older than %s", describe(retention));
            return -1;
        }
    }

    private static String describe(Duration d) {
        return !d.isZero() && d.equals(Duration.ofDays(d.toDays())) ? d.toDays() + " days" : d.toString();
    }

    /** The tables behind the log, for the admin views. */
    public AuditStore store() {
        return store;
    }

    private void write() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                if (stopping && queue.isEmpty()) {
                    return;
                }
                AuditEvent first = stopping ? queue.poll() : queue.take();
                if (first == null) {
                    return;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
            } catch (InterruptedException e) {
                if (!stopping) {
                    return;
                }
                continue; // drain what is left, then stop
            }
            try {
                store.insert(batch);
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "audit log: could not write %d events; they are lost", batch.size());
            } finally {
                done.addAndGet(batch.size());
                batch.clear();
            }
        }
    }
}
