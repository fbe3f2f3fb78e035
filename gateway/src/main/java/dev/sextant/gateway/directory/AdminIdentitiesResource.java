package dev.sextant.gateway.directory;

import dev.sextant.acl.Principal;
import dev.sextant.gateway.indexing.SourceRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * For admins: the accounts the sources discovered and the identity map that links them to people's emails. An
 * admin's link or unlink overrides what the sources say for that account, and applies on the next query.
 */
@Path("/api/admin/identities")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminIdentitiesResource {

    /** {@code {"email": "dana@example.com", "account": "account:github:583231"}}. */
    public record Link(String email, String account) {
    }

    private final SourceDirectory directory;

    AdminIdentitiesResource(SourceDirectory directory) {
        this.directory = directory;
    }

    /** Every discovered account with the emails it is linked to; {@code ?unmapped=true}: those linked to none. */
    @GET
    public List<SourceDirectory.Identity> identities(@QueryParam("unmapped") boolean unmapped) {
        return directory.identities(unmapped);
    }

    @PUT
    @Path("links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> link(Link link) {
        if (link == null) {
            throw bad("a link is needed: {\"email\": \"...\", \"account\": \"account:<source>:<id>\"}");
        }
        directory.link(email(link.email()), account(link.account()));
        return Map.of("email", email(link.email()), "account", account(link.account()).value(), "linked", true);
    }

    @DELETE
    @Path("links")
    public Map<String, Object> unlink(@QueryParam("email") String email, @QueryParam("account") String account) {
        directory.unlink(email(email), account(account));
        return Map.of("email", email(email), "account", account(account).value(), "linked", false);
    }

    private static String email(String email) {
        try {
            return Principal.user(email == null ? "" : email).email();
        } catch (IllegalArgumentException e) {
            throw bad("'email' must be an email address, was '" + email + "'");
        }
    }

    private static Principal account(String account) {
        try {
            Principal p = Principal.parse(account == null ? "" : account);
            if (!p.value().startsWith("account:")) {
                throw bad("'account' must be an account:<source>:<id> principal, was '" + account + "'");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw bad("'account' must be an account:<source>:<id> principal: " + e.getMessage());
        }
    }

    private static SourceRequestException bad(String message) {
        return new SourceRequestException(Response.Status.BAD_REQUEST, message);
    }
}
