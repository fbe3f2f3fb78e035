package dev.sextant.gateway.indexing;

import dev.sextant.gateway.sources.RunStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For admins: the sources with their schedules, state and runs; creating, editing, testing, pausing, resuming and
 * deleting stored ones; a sync of any one now. Errors are {@code {"error": "..."}} with 400, 404 or 409.
 */
@Path("/api/admin/sources")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSourcesResource {

    private static final int MAX_RUNS = 200;

    private final IndexingService indexing;
    private final SourceAdmin admin;
    private final RunStore runs;

    AdminSourcesResource(IndexingService indexing, SourceAdmin admin, RunStore runs) {
        this.indexing = indexing;
        this.admin = admin;
        this.runs = runs;
    }

    @GET
    public List<SourceView> sources() {
        return admin.list();
    }

    /** 201 with the source; 400 naming what is wrong, the connection check's message included; 409 for a taken id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SourceInput input, @QueryParam("check") @DefaultValue("true") boolean check) {
        if (input == null) {
            throw SourceRequestException.badRequest("a source definition is needed: {\"id\", \"kind\", \"interval\", "
                    + "\"settings\", \"secrets\"}");
        }
        SourceView created = admin.create(input, check);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{id}")
    public SourceView source(@PathParam("id") String id) {
        return admin.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SourceView update(@PathParam("id") String id, SourceInput input,
                             @QueryParam("check") @DefaultValue("true") boolean check) {
        if (input == null) {
            throw SourceRequestException.badRequest("a source definition is needed");
        }
        return admin.update(id, input, check);
    }

    /** Deletes the source and every document of it from the index. */
    @DELETE
    @Path("{id}")
    public Map<String, Object> delete(@PathParam("id") String id) {
        int removed = admin.delete(id);
        return Map.of("id", id, "deleted", true, "documents_removed", removed);
    }

    /** The connector's connection check with the stored definition: {@code ok}, and the message when it failed. */
    @POST
    @Path("{id}/test")
    public Map<String, Object> test(@PathParam("id") String id) {
        Map<String, Object> result = new LinkedHashMap<>();
        admin.test(id).ifPresentOrElse(message -> {
            result.put("ok", false);
            result.put("message", message);
        }, () -> result.put("ok", true));
        return result;
    }

    @POST
    @Path("{id}/pause")
    public SourceView pause(@PathParam("id") String id) {
        admin.pause(id);
        return admin.get(id);
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") String id) {
        admin.resume(id);
        return Response.accepted(admin.get(id)).build();
    }

    /**
     * 202 when the sync is queued (or was already), 409 while that source is syncing or paused, 404 for an unknown
     * id, 503 while the server shuts down.
     */
    @POST
    @Path("{id}/sync")
    public Response sync(@PathParam("id") String id) {
        return indexing.syncNow(id).map(trigger -> switch (trigger) {
            case QUEUED, ALREADY_QUEUED -> Response.accepted(Map.of("id", id, "state", "queued"));
            case RUNNING -> Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                    "source " + id + " is syncing now; ask again when it has finished (GET /api/admin/sources)"));
            case PAUSED -> Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                    "source " + id + " is paused; resume it first (POST /api/admin/sources/" + id + "/resume)"));
            case STOPPING -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Map.of("error", "the server is shutting down"));
        }).orElseThrow(() -> SourceRequestException.notFound(id)).build();
    }

    /** The source's latest runs, newest first. */
    @GET
    @Path("{id}/runs")
    public List<RunStore.Run> runs(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
        indexing.source(id).orElseThrow(() -> SourceRequestException.notFound(id));
        return runs.runs(id, Math.max(1, Math.min(limit, MAX_RUNS)));
    }
}
