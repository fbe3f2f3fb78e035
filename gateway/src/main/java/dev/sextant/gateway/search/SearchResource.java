package dev.sextant.gateway.search;

import dev.sextant.gateway.SextantConfig;
import dev.sextant.gateway.audit.AuditAction;
import dev.sextant.gateway.audit.AuditLog;
import dev.sextant.gateway.auth.ReaderPrincipals;
import dev.sextant.gateway.limits.RateLimited;
import dev.sextant.gateway.limits.RequestKind;
import dev.sextant.retriever.InvalidQueryException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/search?q=&limit=&offset=&explain=}: documents the signed-in person may read, best first;
 * {@code explain=true} (admins only) adds each stage's score to every hit.
 */
@Path("/api/search")
@Authenticated
public class SearchResource {

    private final SearchService search;
    private final ReaderPrincipals principals;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final int maxLimit;

    SearchResource(SearchService search, ReaderPrincipals principals, SecurityIdentity identity,
                   SextantConfig config, AuditLog audit) {
        this.search = search;
        this.principals = principals;
        this.identity = identity;
        this.audit = audit;
        this.maxLimit = config.search().maxLimit();
    }

    @GET
    @Blocking
    @RateLimited(RequestKind.SEARCH)
    @Produces(MediaType.APPLICATION_JSON)
    public SearchResponse search(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                 @QueryParam("offset") String offset, @QueryParam("explain") String explain)
            throws IOException, InterruptedException {
        int l = intParam("limit", limit, 10, 1, maxLimit);
        int o = intParam("offset", offset, 0, 0, 10_000);
        boolean withScores = "true".equals(explain);
        if (withScores && !identity.hasRole("admin")) {
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "explain=true shows raw ranking scores, which are for admins only")).build());
        }
        SearchResponse response = search.search(q, principals.of(identity), l, o, withScores);
        audit.record(identity, AuditAction.SEARCH, q, null,
                response.hits().stream().map(SearchResponse.Hit::docId).toList());
        return response;
    }

    private static int intParam(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw new InvalidQueryException(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
