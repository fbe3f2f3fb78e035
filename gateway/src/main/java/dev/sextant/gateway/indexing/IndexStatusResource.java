package dev.sextant.gateway.indexing;

import dev.sextant.indexer.IndexProgress;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.SyncReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Map;

/**
 * For admins: the index's size, what indexing is doing now and what each source's last sync did (skipped
 * paths and reasons included, which is why nobody else may see it).
 */
@Path("/api/index/status")
@RolesAllowed("admin")
public class IndexStatusResource {

    public record Status(int chunks, IndexProgress.Snapshot current, Map<String, SyncReport> lastSyncs,
                         Map<String, String> failures) {
    }

    private final IndexingService indexing;
    private final ChunkIndex index;

    IndexStatusResource(IndexingService indexing, ChunkIndex index) {
        this.indexing = indexing;
        this.index = index;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Status status() throws IOException {
        return new Status(index.chunkCount(), indexing.progress(), indexing.lastReports(), indexing.failures());
    }
}
