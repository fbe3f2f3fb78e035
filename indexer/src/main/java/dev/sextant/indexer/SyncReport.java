package dev.sextant.indexer;

import java.time.Duration;
import java.util.List;

/**
 * What one sync of one connector did.
 *
 * @param aclUpdated documents whose ACL changed while their content did not: rewritten without re-embedding
 * @param took      the whole sync
 * @param embedding the part of it spent inside the embedding model
 */
public record SyncReport(String connectorId, int upserted, int deleted, int aclUpdated, int unchanged, int chunksEmbedded,
                         int chunksReused, List<Skipped> skipped, Duration took, Duration embedding) {

    /** An item left out of the index, and why. */
    public record Skipped(String location, String reason) {
    }

    @Override
    public String toString() {
        return "%s: %d upserted, %d deleted, %d ACL-only, %d unchanged, %d skipped; %d chunks embedded, %d reused; %d ms (%d embedding)"
                .formatted(connectorId, upserted, deleted, aclUpdated, unchanged, skipped.size(), chunksEmbedded, chunksReused,
                        took.toMillis(), embedding.toMillis());
    }
}
