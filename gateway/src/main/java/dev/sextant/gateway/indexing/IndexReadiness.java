package dev.sextant.gateway.indexing;

import dev.sextant.indexer.ChunkIndex;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the index answers; reports its size and whether a sync is running. */
@Readiness
public class IndexReadiness implements HealthCheck {

    private final ChunkIndex index;
    private final IndexingService indexing;

    IndexReadiness(ChunkIndex index, IndexingService indexing) {
        this.index = index;
        this.indexing = indexing;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("index").up()
                    .withData("chunks", index.chunkCount())
                    .withData("indexing", indexing.progress().state().name())
                    .build();
        } catch (IOException e) {
            return HealthCheckResponse.named("index").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
