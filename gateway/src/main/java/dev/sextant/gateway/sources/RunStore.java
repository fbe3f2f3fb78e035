package dev.sextant.gateway.sources;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The run records: one row per sync, written when it starts and when it ends, with its skipped items and errors. */
@ApplicationScoped
public class RunStore {

    /** How a run ended. */
    public enum Outcome { RUNNING, COMPLETED, FAILED, INTERRUPTED, RATE_LIMITED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One run as the admin API shows it. */
    public record Run(long id, String source, Instant started, Instant ended, String outcome, int added, int updated,
                      int deleted, int aclUpdated, int unchanged, int skipped, int errors, int requests,
                      int rateLimitWaits, Instant pausedUntil, String message, String checkpoint) {
    }

    /** A run with its kept skipped items and errors. */
    public record RunDetail(Run run, List<RunRecorder.Item> skipped, List<RunRecorder.Item> errors) {
    }

    private static final int MAX_MESSAGE = 4000;
    private static final int MAX_LOCATION = 2000;

    private final EntityManager em;

    RunStore(EntityManager em) {
        this.em = em;
    }

    public long start(String sourceId, Instant started) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunRow row = new RunRow();
            row.sourceId = sourceId;
            row.startedAt = started;
            row.outcome = Outcome.RUNNING.column();
            em.persist(row);
            em.flush();
            return row.id;
        });
    }

    public void finish(long runId, Outcome outcome, RunRecorder recorder, Instant pausedUntil, String message,
                       String checkpoint) {
        QuarkusTransaction.requiringNew().run(() -> {
            RunRow row = em.find(RunRow.class, runId);
            row.endedAt = Instant.now();
            row.outcome = outcome.column();
            row.added = recorder.added.get();
            row.updated = recorder.updated.get();
            row.deleted = recorder.deleted.get();
            row.aclUpdated = recorder.aclUpdated.get();
            row.unchanged = recorder.unchanged.get();
            row.skipped = recorder.skippedCount();
            row.errors = recorder.errorCount();
            row.requests = recorder.requests.get();
            row.rateLimitWaits = recorder.rateLimitWaits.get();
            row.pausedUntil = pausedUntil;
            row.message = clip(message, MAX_MESSAGE);
            row.checkpoint = checkpoint;
            recorder.skipped().forEach(i -> em.persist(item(runId, RunItemRow.SKIPPED, i)));
            recorder.errors().forEach(i -> em.persist(item(runId, RunItemRow.ERROR, i)));
        });
    }

    /**
     * Closes the runs still marked running, which the server died during: their work up to the last commit is in
     * the index, and the next run resumes from its checkpoint. Returns how many.
     */
    public int closeInterrupted() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "update RunRow set outcome = :i, endedAt = :now, message = :m where outcome = :r")
                .setParameter("i", Outcome.INTERRUPTED.column()).setParameter("now", Instant.now())
                .setParameter("m", "the server stopped during this run; the next run resumes from the last "
                        + "committed checkpoint")
                .setParameter("r", Outcome.RUNNING.column()).executeUpdate());
    }

    /** The source's latest runs, newest first. */
    public List<Run> runs(String sourceId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from RunRow where sourceId = :s order by startedAt desc, id desc", RunRow.class)
                .setParameter("s", sourceId).setMaxResults(limit).getResultList().stream().map(RunStore::run).toList());
    }

    public Optional<RunDetail> run(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunRow row = em.find(RunRow.class, runId);
            if (row == null) {
                return Optional.empty();
            }
            List<RunItemRow> items = em.createQuery("from RunItemRow where runId = :r order by id", RunItemRow.class)
                    .setParameter("r", runId).getResultList();
            return Optional.of(new RunDetail(run(row), items(items, RunItemRow.SKIPPED), items(items, RunItemRow.ERROR)));
        });
    }

    /** Removes a deleted source's runs. */
    public void forget(String sourceId) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createQuery("delete from RunItemRow where runId in (select id from RunRow where sourceId = :s)")
                    .setParameter("s", sourceId).executeUpdate();
            em.createQuery("delete from RunRow where sourceId = :s").setParameter("s", sourceId).executeUpdate();
        });
    }

    private static List<RunRecorder.Item> items(List<RunItemRow> rows, String kind) {
        return rows.stream().filter(r -> r.kind.equals(kind)).map(r -> new RunRecorder.Item(r.location, r.reason)).toList();
    }

    private static RunItemRow item(long runId, String kind, RunRecorder.Item item) {
        return new RunItemRow(runId, kind, clip(item.location(), MAX_LOCATION), clip(item.reason(), MAX_MESSAGE));
    }

    private static Run run(RunRow r) {
        return new Run(r.id, r.sourceId, r.startedAt, r.endedAt, r.outcome, r.added, r.updated, r.deleted, r.aclUpdated,
                r.unchanged, r.skipped, r.errors, r.requests, r.rateLimitWaits, r.pausedUntil, r.message, r.checkpoint);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
