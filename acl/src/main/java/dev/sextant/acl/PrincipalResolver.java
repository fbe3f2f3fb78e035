package dev.sextant.acl;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Resolves a signed-in person to their principals: {@code user:} from the verified email, {@code group:idp:*}
 * from the identity provider's groups, every source group that lists them, their email domain, and
 * {@code public}. Done per query, so group changes apply without re-indexing.
 */
public final class PrincipalResolver {

    public static final String IDP_SOURCE = "idp";

    private final GroupDirectory groups;

    public PrincipalResolver(GroupDirectory groups) {
        this.groups = groups;
    }

    public Principals resolve(String email, Collection<String> idpGroups) {
        TreeSet<Principal> all = new TreeSet<>();
        all.add(Principal.PUBLIC);
        if (email != null && !email.isBlank()) {
            Principal user = Principal.user(email);
            all.add(user);
            String normalised = user.value().substring("user:".length());
            all.add(Principal.domain(normalised.substring(normalised.indexOf('@') + 1)));
            all.addAll(groups.groupsOf(normalised.toLowerCase(Locale.ROOT)));
        }
        for (String group : idpGroups) {
            all.add(Principal.group(IDP_SOURCE, group));
        }
        return new Principals(all);
    }
}
