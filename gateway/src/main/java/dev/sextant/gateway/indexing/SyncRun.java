package dev.sextant.gateway.indexing;

import dev.sextant.indexer.SyncReport;
import java.time.Instant;

/**
 * One finished sync of one source.
 *
 * @param report           what it did, when it completed; null when it did not
 * @param failure          why it failed; null when it completed or was stopped by a rate limit
 * @param rateLimitedUntil when the source's rate limit stopped it: the source is paused until then; else null
 */
public record SyncRun(Instant started, Instant finished, SyncReport report, String failure, Instant rateLimitedUntil) {

    public SyncRun(Instant started, Instant finished, SyncReport report, String failure) {
        this(started, finished, report, failure, null);
    }

    public boolean ok() {
        return failure == null;
    }
}
