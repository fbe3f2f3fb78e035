package dev.sextant.gateway.indexing;

import java.time.Instant;

/**
 * A source as the admin view shows it.
 *
 * @param root        the folder of a configured source; null for a source stored through the admin API
 * @param schedule    the time from the end of one run to the start of the next, ISO-8601 (e.g. {@code PT5M})
 * @param state       {@code idle} (waiting for its next run), {@code queued} (waiting for the indexing thread),
 *                    {@code running}, {@code paused} (by an admin) or {@code rate_limited} (until {@code pausedUntil})
 * @param stored      configured through the admin API (editable, deletable), not by {@code --fs} or demo mode
 * @param pausedUntil when a rate limit paused it, the time its next run is due; else null
 * @param activity    what a running sync is waiting for now (a rate limit's reset), else null
 * @param runs        runs finished since the server started
 * @param lastRun     the latest finished run, null before the first
 * @param nextRun     when the next run is due; null while queued, running or paused by an admin
 */
public record SourceStatus(String id, String connectorId, String kind, String root, String schedule, String state,
                           boolean stored, Instant pausedUntil, String activity, int runs, SyncRun lastRun,
                           Instant nextRun) {
}
