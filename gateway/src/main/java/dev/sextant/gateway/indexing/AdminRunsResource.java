package dev.sextant.gateway.indexing;

import dev.sextant.gateway.sources.RunStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** For admins: one sync run with its skipped items and errors (the latest few hundred of each). */
@Path("/api/admin/runs")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRunsResource {

    private final RunStore runs;

    AdminRunsResource(RunStore runs) {
        this.runs = runs;
    }

    @GET
    @Path("{run}")
    public RunStore.RunDetail run(@PathParam("run") long run) {
        return runs.run(run).orElseThrow(() -> new SourceRequestException(Response.Status.NOT_FOUND,
                "no sync run has the id " + run + "; GET /api/admin/sources/{id}/runs lists a source's runs"));
    }
}
