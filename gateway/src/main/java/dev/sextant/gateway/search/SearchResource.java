package dev.sextant.gateway.search;

import dev.sextant.gateway.SextantConfig;
import dev.sextant.gateway.auth.ReaderPrincipals;
import dev.sextant.retriever.InvalidQueryException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/** {@code GET /api/search?q=&limit=&offset=}: documents the signed-in person may read, best first. */
@Path("/api/search")
@Authenticated
public class SearchResource {

    private final SearchService search;
    private final ReaderPrincipals principals;
    private final SecurityIdentity identity;
    private final int maxLimit;

    SearchResource(SearchService search, ReaderPrincipals principals, SecurityIdentity identity,
                   SextantConfig config) {
        this.search = search;
        this.principals = principals;
        this.identity = identity;
        this.maxLimit = config.search().maxLimit();
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public SearchResponse search(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                 @QueryParam("offset") String offset) throws IOException, InterruptedException {
        int l = intParam("limit", limit, 10, 1, maxLimit);
        int o = intParam("offset", offset, 0, 0, 10_000);
        return search.search(q, principals.of(identity), l, o);
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
