package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a repository, as GitHub decides it: a public repository is {@code public}; an internal one every
 * member of its organisation; a private one its direct and outside collaborators
 * ({@code /collaborators?affiliation=direct}), the teams given access ({@code /teams}), the organisation's owners,
 * and every member when the organisation's base permission lets members read all repositories. A user's private
 * repository is readable by its owner and collaborators. Memberships stay groups, resolved at query time.
 */
final class RepoAccess {

    private static final Set<String> BASE_READ = Set.of("read", "write", "admin", "triage", "maintain");

    private final GitHubApi api;
    private final Map<String, Boolean> membersReadAll = new HashMap<>();

    RepoAccess(GitHubApi api) {
        this.api = api;
    }

    Acl acl(Repo repo) throws IOException, InterruptedException {
        return switch (repo.visibility()) {
            case "public" -> Acl.PUBLIC;
            case "internal" -> Acl.of(AclClause.of(GitHubPrincipals.members(repo.owner())));
            default -> privateAcl(repo);
        };
    }

    private Acl privateAcl(Repo repo) throws IOException, InterruptedException {
        Set<Principal> readers = new TreeSet<>();
        for (JsonNode user : api.list(repo.path() + "collaborators?affiliation=direct")) {
            readers.add(GitHubPrincipals.account(user.path("id").asLong()));
        }
        if (repo.ownedByOrg()) {
            for (JsonNode team : api.list(repo.path() + "teams")) {
                readers.add(GitHubPrincipals.team(repo.owner(), team.path("slug").asText()));
            }
            readers.add(GitHubPrincipals.owners(repo.owner()));
            if (membersReadAll(repo.owner())) {
                readers.add(GitHubPrincipals.members(repo.owner()));
            }
        } else {
            readers.add(GitHubPrincipals.account(repo.ownerId()));
        }
        return Acl.of(AclClause.of(readers));
    }

    /**
     * The organisation's {@code default_repository_permission}, which GitHub shows only to owners: when it is not
     * shown, members get no blanket access here (fail closed).
     */
    private boolean membersReadAll(String org) throws IOException, InterruptedException {
        Boolean known = membersReadAll.get(org);
        if (known == null) {
            Optional<String> base = Optional.ofNullable(api.json("orgs/" + GitHubApi.segment(org))
                    .get("default_repository_permission")).filter(JsonNode::isTextual).map(JsonNode::asText);
            known = base.filter(BASE_READ::contains).isPresent();
            membersReadAll.put(org, known);
        }
        return known;
    }
}
