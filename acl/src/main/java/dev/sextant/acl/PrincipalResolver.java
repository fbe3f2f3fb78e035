package dev.sextant.acl;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a signed-in person to their principals: {@code user:} from the verified email, every source account
 * linked to it, {@code group:idp:*} from the identity provider's groups, every synced group that contains any of
 * those (nested groups expanded, cycles tolerated), their email domain, and {@code public}. Done per query, so a
 * changed membership or a newly linked account applies without re-indexing.
 */
public final class PrincipalResolver {

    public static final String IDP_SOURCE = "idp";

    private final IdentityDirectory directory;

    public PrincipalResolver(IdentityDirectory directory) {
        this.directory = directory;
    }

    public Principals resolve(String email, Collection<String> idpGroups) {
        Set<Principal> all = new HashSet<>();
        all.add(Principal.PUBLIC);
        Deque<Principal> members = new ArrayDeque<>();
        if (email != null && !email.isBlank()) {
            Principal user = Principal.user(email);
            all.add(Principal.domain(user.email().substring(user.email().indexOf('@') + 1)));
            members.add(user);
            members.addAll(directory.accountsOf(user.email()));
        }
        for (String group : idpGroups) {
            members.add(Principal.group(IDP_SOURCE, group));
        }
        while (!members.isEmpty()) {
            Principal member = members.poll();
            if (all.add(member)) {
                members.addAll(directory.groupsContaining(member));
            }
        }
        return new Principals(new TreeSet<>(all));
    }
}
