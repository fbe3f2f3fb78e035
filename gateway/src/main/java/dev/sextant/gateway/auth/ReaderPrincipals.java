package dev.sextant.gateway.auth;

import dev.sextant.acl.IdentityDirectory;
import dev.sextant.acl.PrincipalResolver;
import dev.sextant.acl.Principals;
import dev.sextant.gateway.directory.DirectorySnapshot;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;

/**
 * Resolves the signed-in person to the principals every search is filtered by, against the synced directory as it
 * is now (linked accounts, group memberships), so that a change there applies on the next query. A resolution is
 * reused for {@link #RESOLVED_FOR} while the directory is unchanged ({@link ResolvedReaders}).
 */
@ApplicationScoped
public class ReaderPrincipals {

    /** How long a resolution is reused while the directory stays the same. */
    static final Duration RESOLVED_FOR = Duration.ofSeconds(10);

    private final DirectorySnapshot directory;
    private final ResolvedReaders resolved = new ResolvedReaders(RESOLVED_FOR, 10_000, InstantSource.system());

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
        IdentityDirectory now = directory.current();
        return resolved.get(now, email, idpGroups, () -> new PrincipalResolver(now).resolve(email, idpGroups));
    }
}
