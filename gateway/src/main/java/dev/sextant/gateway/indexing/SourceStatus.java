package dev.sextant.gateway.indexing;

import java.time.Instant;

/**
 * A configured source as the admin view shows it.
 *
 * @param schedule the time from the end of one run to the start of the next, ISO-8601 (e.g. {@code PT5M})
 * @param state    {@code idle} (waiting for its next run), {@code queued} (waiting for the indexing thread)
 *                 or {@code running}
 * @param runs     runs finished since the server started
 * @param lastRun  the latest finished run, null before the first
 * @param nextRun  when the next run is due; null while queued or running
 */
public record SourceStatus(String id, String connectorId, String kind, String root, String schedule, String state,
                           int runs, SyncRun lastRun, Instant nextRun) {
}
