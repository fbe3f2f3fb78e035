package dev.sextant.gateway.indexing;

import dev.sextant.indexer.IndexProgress;
import dev.sextant.indexer.SyncReport;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** What indexing is doing now and what each source's last sync did. */
@Path("/api/index/status")
@Authenticated
public class IndexStatusResource {

    public record Status(IndexProgress.Snapshot current, Map<String, SyncReport> lastSyncs,
                         Map<String, String> failures) {
    }

    private final IndexingService indexing;

    IndexStatusResource(IndexingService indexing) {
        this.indexing = indexing;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Status status() {
        return new Status(indexing.progress(), indexing.lastReports(), indexing.failures());
    }
}
