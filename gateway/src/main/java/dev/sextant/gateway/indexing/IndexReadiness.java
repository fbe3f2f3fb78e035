package dev.sextant.gateway.indexing;

import dev.sextant.indexer.ChunkIndex;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready when the index answers. Anyone may ask, so it says up or down and nothing else: the index's size
 * and the sync state are for admins ({@code /api/index/status}), and why it is down goes to the log.
 */
@Readiness
public class IndexReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(IndexReadiness.class);

    private final ChunkIndex index;

    IndexReadiness(ChunkIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            index.chunkCount();
            return HealthCheckResponse.up("index");
        } catch (Exception e) {
            LOG.warn("readiness: the index does not answer", e);
            return HealthCheckResponse.down("index");
        }
    }
}
