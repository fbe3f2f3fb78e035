package dev.sextant.gateway.indexing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** For admins: the configured sources with their schedules and last runs, and a sync of one now. */
@Path("/api/admin/sources")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSourcesResource {

    private final IndexingService indexing;

    AdminSourcesResource(IndexingService indexing) {
        this.indexing = indexing;
    }

    @GET
    public List<SourceStatus> sources() {
        return indexing.sources();
    }

    /**
     * 202 when the sync is queued (or was already), 409 while that source is syncing, 404 for an unknown id,
     * 503 while the server shuts down.
     */
    @POST
    @Path("{id}/sync")
    public Response sync(@PathParam("id") String id) {
        return indexing.syncNow(id).map(trigger -> switch (trigger) {
            case QUEUED, ALREADY_QUEUED -> Response.accepted(Map.of("id", id, "state", "queued"));
            case RUNNING -> Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                    "source " + id + " is syncing now; ask again when it has finished (GET /api/admin/sources)"));
            case STOPPING -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("error", "the server is shutting down"));
        }).orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(Map.of("error",
                "no configured source has the id '" + id + "'; GET /api/admin/sources lists them")))
                .build();
    }
}
