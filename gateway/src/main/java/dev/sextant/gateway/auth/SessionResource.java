package dev.sextant.gateway.auth;

import dev.sextant.gateway.SextantConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who is signed in (for the page, which must not trigger a login challenge to find out), and sign-out. */
@Path("/api")
@PermitAll
public class SessionResource {

    public record Session(boolean signedIn, String username, String email, List<String> roles, boolean demo) {
    }

    private final SecurityIdentity identity;
    private final boolean demo;
    private final String cookieName;

    SessionResource(SecurityIdentity identity, SextantConfig config,
                    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String cookieName) {
        this.identity = identity;
        this.demo = config.demo().enabled();
        this.cookieName = cookieName;
    }

    @GET
    @Path("session")
    @Produces(MediaType.APPLICATION_JSON)
    public Session session() {
        if (identity.isAnonymous()) {
            return new Session(false, null, null, List.of(), demo);
        }
        return new Session(true, identity.getPrincipal().getName(), identity.getAttribute(AccountIdentities.EMAIL),
                identity.getRoles().stream().sorted().toList(), demo);
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).httpOnly(true).build();
        return Response.noContent().cookie(expired).build();
    }
}
