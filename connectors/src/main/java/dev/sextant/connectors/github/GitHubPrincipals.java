package dev.sextant.connectors.github;

import dev.sextant.acl.Principal;
import java.util.Locale;

/**
 * The principals GitHub's permissions name: a user by numeric id ({@code account:github:583231}), an organisation's
 * members ({@code group:github:acme}), its owners ({@code group:github:acme/owners}) and its teams
 * ({@code group:github:acme/<team slug>}). Logins are case-insensitive on GitHub, so organisation names are lower
 * cased here.
 */
final class GitHubPrincipals {

    static final String SOURCE = "github";
    static final String OWNERS = "owners";

    private GitHubPrincipals() {
    }

    static Principal account(long userId) {
        return Principal.account(SOURCE, Long.toString(userId));
    }

    static Principal members(String org) {
        return Principal.group(SOURCE, org.toLowerCase(Locale.ROOT));
    }

    static Principal owners(String org) {
        return team(org, OWNERS);
    }

    static Principal team(String org, String slug) {
        return Principal.group(SOURCE, org.toLowerCase(Locale.ROOT) + "/" + slug);
    }
}
