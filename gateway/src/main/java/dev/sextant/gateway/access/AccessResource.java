package dev.sextant.gateway.access;

import dev.sextant.acl.Acl;
import dev.sextant.acl.Principals;
import dev.sextant.gateway.accounts.AccountRecord;
import dev.sextant.gateway.accounts.AccountTable;
import dev.sextant.gateway.auth.ReaderPrincipals;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.retriever.InvalidQueryException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code GET /api/admin/access?user=<username or email>&doc=<doc_id>}, for admins: whether that person may read
 * that document now, and why, from the document's ACL as indexed and the principals a search of theirs would
 * resolve. A built-in account is found by name or email; anyone else is resolved from the email alone.
 */
@Path("/api/admin/access")
@RolesAllowed("admin")
public class AccessResource {

    private static final int MAX_PARAM = 2_000;

    private final ChunkIndex index;
    private final ReaderPrincipals principals;
    private final AccountTable accounts;

    AccessResource(ChunkIndex index, ReaderPrincipals principals, DataSource dataSource) {
        this.index = index;
        this.principals = principals;
        this.accounts = new AccountTable(dataSource);
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public AccessExplanation explain(@QueryParam("user") String user, @QueryParam("doc") String doc)
            throws IOException, SQLException {
        String who = required("user", user);
        String docId = required("doc", doc);
        Acl acl = index.acl(docId).orElseThrow(() -> notFound("no document with the id '" + docId
                + "' is in the index (ids are as search hits carry them in doc_id)"));
        Optional<AccountRecord> account = accounts.list().stream()
                .filter(a -> a.username().equals(who) || a.email().equalsIgnoreCase(who)).findFirst();
        if (account.isPresent()) {
            AccountRecord a = account.get();
            Principals reader = principals.of(a.email(), a.groups());
            return AccessExplanation.of(a.username(), docId, reader, acl, "");
        }
        if (!who.contains("@")) {
            throw notFound("no built-in account is named '" + who + "'; name someone who signs in through the "
                    + "identity provider by their email");
        }
        Principals reader;
        try {
            reader = principals.of(who, Set.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("user: " + e.getMessage());
        }
        return AccessExplanation.of(who, docId, reader, acl, who + " has no built-in account, so these principals "
                + "come from the email alone: the identity provider's groups are not known for them, and a "
                + "group:idp: principal they hold at sign-in may admit them where this says no");
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidQueryException("give " + name + "=: /api/admin/access?user=<username or email>"
                    + "&doc=<doc_id>");
        }
        if (value.length() > MAX_PARAM) {
            throw new InvalidQueryException(name + " is longer than " + MAX_PARAM + " characters");
        }
        return value.strip();
    }

    private static NotFoundException notFound(String message) {
        return new NotFoundException(Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build());
    }
}
