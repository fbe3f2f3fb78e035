package dev.sextant.gateway.security;

import dev.sextant.gateway.auth.AccountIdentities;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The page's sign-in form: checks the password (throttled, like HTTP Basic), starts a server-side session and
 * sets its cookie, then sends the browser back to the page; a failure goes back to the page with
 * {@code ?login=failed}, a throttled attempt with {@code ?login=throttled&retry_after=SECONDS}.
 */
@Path("/j_security_check")
@PermitAll
public class SignInResource {

    private final AccountIdentities identities;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final TrustedProxies proxies;

    SignInResource(AccountIdentities identities, SessionStore sessions, SessionCookie cookie, TrustedProxies proxies) {
        this.identities = identities;
        this.sessions = sessions;
        this.cookie = cookie;
        this.proxies = proxies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("j_username") String username, @FormParam("j_password") String password,
                           @Context HttpServerRequest request, @Context HttpServerResponse response) {
        SecurityIdentity identity;
        try {
            identity = identities.withPassword(username == null ? "" : username,
                    password == null ? new char[0] : password.toCharArray(), proxies.clientAddress(request));
        } catch (LoginThrottledException e) {
            return backToThePage("/?login=throttled&retry_after=" + e.retryAfterSeconds());
        } catch (AuthenticationFailedException e) {
            return backToThePage("/?login=failed");
        }
        String token = sessions.create(identity.getPrincipal().getName(),
                identity.getAttribute(AccountIdentities.CREDENTIAL_TAG));
        String previous = SessionCookie.token(request);
        if (previous != null) {
            sessions.revoke(previous);
        }
        cookie.issue(request, response, token);
        return backToThePage("/");
    }

    /** A relative Location, so that it stays right behind a proxy that rewrites the host. */
    private static Response backToThePage(String location) {
        return Response.status(Response.Status.FOUND).header("Location", location).build();
    }
}
