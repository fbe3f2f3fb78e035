package dev.sextant.gateway.indexing;

import dev.sextant.indexer.SyncReport;
import java.time.Instant;

/**
 * One finished sync of one source.
 *
 * @param report  what it did, when it completed; null when it failed
 * @param failure why it failed; null when it completed
 */
public record SyncRun(Instant started, Instant finished, SyncReport report, String failure) {

    public boolean ok() {
        return failure == null;
    }
}
