package dev.sextant.connectors.mediawiki;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import java.io.IOException;
import java.util.Optional;

/**
 * Who may read a wiki's pages. MediaWiki's read right is wiki-wide ({@code $wgGroupPermissions}, reported by
 * {@code meta=siteinfo&siprop=usergroups}): the group {@code *} having {@code read} means anyone, so every page is
 * {@code public}; only {@code user} having it means anyone with an account, which the source's configured
 * {@code reader_principal} stands for (the company's domain, say). Anything narrower fails closed, saying so.
 */
final class ReadAccess {

    private ReadAccess() {
    }

    static Acl acl(JsonNode usergroups, Optional<Principal> readerPrincipal, String wiki) throws IOException {
        if (hasRead(usergroups, "*")) {
            return Acl.PUBLIC;
        }
        if (hasRead(usergroups, "user")) {
            return Acl.of(AclClause.of(readerPrincipal.orElseThrow(() -> new IOException("the wiki " + wiki
                    + " lets only logged-in users read: set 'reader_principal' to who they are (e.g. domain:example.com)"))));
        }
        throw new IOException("the wiki " + wiki + " grants 'read' neither to '*' nor to 'user'; Sextant maps only "
                + "those two (see docs/connectors/mediawiki.md)");
    }

    private static boolean hasRead(JsonNode usergroups, String group) {
        for (JsonNode g : usergroups) {
            if (group.equals(g.path("name").asText())) {
                for (JsonNode right : g.path("rights")) {
                    if ("read".equals(right.asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
