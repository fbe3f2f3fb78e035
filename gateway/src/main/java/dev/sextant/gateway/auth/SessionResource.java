package dev.sextant.gateway.auth;

import dev.sextant.gateway.SextantConfig;
import dev.sextant.gateway.security.SessionCookie;
import dev.sextant.gateway.security.SessionStore;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Who is signed in (for the page, which must not trigger a login challenge to find out), and sign-out, which
 * ends the session on the server: the old cookie is worthless afterwards, wherever a copy of it went.
 */
@Path("/api")
@PermitAll
public class SessionResource {

    /** {@code mode}: {@code builtin} (the page's own form) or {@code oidc} (the page sends people to {@code /login}). */
    public record Session(boolean signedIn, String username, String email, List<String> roles, boolean demo,
                          String mode) {
    }

    private final SecurityIdentity identity;
    private final boolean demo;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final String mode;

    SessionResource(SecurityIdentity identity, SextantConfig config, SignInConfig signIn, SessionStore sessions,
                    SessionCookie cookie) {
        this.identity = identity;
        this.mode = signIn.mode().name().toLowerCase(Locale.ROOT);
        this.demo = config.demo().enabled();
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @GET
    @Path("session")
    @Produces(MediaType.APPLICATION_JSON)
    public Session session() {
        if (identity.isAnonymous()) {
            return new Session(false, null, null, List.of(), demo, mode);
        }
        return new Session(true, identity.getPrincipal().getName(), identity.getAttribute(AccountIdentities.EMAIL),
                identity.getRoles().stream().sorted().toList(), demo, mode);
    }

    @POST
    @Path("logout")
    public Response logout(@Context HttpServerRequest request, @Context HttpServerResponse response) {
        sessions.revoke(SessionCookie.token(request));
        cookie.expire(request, response);
        return Response.noContent().build();
    }
}
