package dev.sextant.gateway.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /login}, where the page sends people in the {@code oidc} mode. The path is guarded by the
 * authorization-code mechanism ({@code application.properties}), so someone not signed in is first sent to the
 * provider and back; whoever gets here is signed in and goes on to the page. In the {@code builtin} mode it
 * leads to the page, whose form signs in.
 */
@Path("/login")
@PermitAll
public class OidcLoginResource {

    @GET
    public Response login() {
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/").build();
    }
}
