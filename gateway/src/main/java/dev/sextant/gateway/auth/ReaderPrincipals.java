package dev.sextant.gateway.auth;

import dev.sextant.acl.PrincipalResolver;
import dev.sextant.acl.Principals;
import dev.sextant.gateway.directory.DirectorySnapshot;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Resolves the signed-in person to the principals every search is filtered by, against the synced directory as it
 * is now (linked accounts, group memberships), so that a change there applies on the next query.
 */
@ApplicationScoped
public class ReaderPrincipals {

    private final DirectorySnapshot directory;

    ReaderPrincipals(DirectorySnapshot directory) {
        this.directory = directory;
    }

    public Principals of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("an anonymous request reached a search");
        }
        String email = identity.getAttribute(AccountIdentities.EMAIL);
        Set<String> groups = identity.getAttribute(AccountIdentities.GROUPS);
        return of(email, groups == null ? Set.of() : groups);
    }

    /** The principals of whoever has this email and these identity-provider groups, as a search of theirs sees them. */
    public Principals of(String email, Set<String> idpGroups) {
        return new PrincipalResolver(directory.current()).resolve(email, idpGroups);
    }
}
