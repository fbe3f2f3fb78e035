package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.http.SourceHttpException;
import dev.sextant.connectors.spi.GroupSink;
import dev.sextant.connectors.spi.SourceIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An organisation's people: its members ({@code /orgs/{org}/members}), owners ({@code ?role=admin}) and teams
 * ({@code /orgs/{org}/teams/{slug}/members}; a child team is also a member of its {@code parent}), and every member's
 * and outside collaborator's account with the public email of {@code /users/{login}} where they set one. Emails of
 * verified domains need GraphQL and are not read; such accounts are listed unmapped.
 */
final class GitHubDirectory {

    private final GitHubApi api;
    private final GitHubSettings settings;

    GitHubDirectory(GitHubApi api, GitHubSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    void syncGroups(GroupSink sink) throws IOException, InterruptedException {
        if (settings.org().isEmpty()) {
            return;
        }
        String org = settings.org().get();
        String path = "orgs/" + GitHubApi.segment(org) + "/";
        sink.group(GitHubPrincipals.members(org), accounts(api.list(path + "members")));
        sink.group(GitHubPrincipals.owners(org), accounts(api.list(path + "members?role=admin")));
        List<JsonNode> teams = api.list(path + "teams");
        Map<String, List<Principal>> children = new HashMap<>();
        for (JsonNode team : teams) {
            JsonNode parent = team.path("parent");
            if (parent.hasNonNull("slug")) {
                children.computeIfAbsent(parent.get("slug").asText(), p -> new ArrayList<>())
                        .add(GitHubPrincipals.team(org, team.path("slug").asText()));
            }
        }
        for (JsonNode team : teams) {
            String slug = team.path("slug").asText();
            Set<Principal> members = new LinkedHashSet<>(accounts(api.list(path + "teams/" + GitHubApi.segment(slug)
                    + "/members")));
            members.addAll(children.getOrDefault(slug, List.of()));
            sink.group(GitHubPrincipals.team(org, slug), members);
        }
    }

    void discoverIdentities(Consumer<SourceIdentity> sink) throws IOException, InterruptedException {
        Map<Long, String> logins = new LinkedHashMap<>();
        if (settings.org().isPresent()) {
            String path = "orgs/" + GitHubApi.segment(settings.org().get()) + "/";
            api.list(path + "members").forEach(u -> logins.put(u.path("id").asLong(), u.path("login").asText()));
            try {
                api.list(path + "outside_collaborators")
                        .forEach(u -> logins.put(u.path("id").asLong(), u.path("login").asText()));
            } catch (SourceHttpException e) {
                if (!GitHubApi.gone(e)) {
                    throw e;
                }
                // only owners may list outside collaborators; their accounts still appear in ACLs, unmapped
            }
        } else {
            JsonNode user = api.json("users/" + GitHubApi.segment(settings.user().get()));
            logins.put(user.path("id").asLong(), user.path("login").asText());
        }
        for (Map.Entry<Long, String> account : logins.entrySet()) {
            sink.accept(new SourceIdentity(GitHubPrincipals.account(account.getKey()), account.getValue(),
                    publicEmail(account.getValue())));
        }
    }

    private Optional<String> publicEmail(String login) throws IOException, InterruptedException {
        try {
            JsonNode email = api.json("users/" + GitHubApi.segment(login)).path("email");
            return email.isTextual() && email.asText().contains("@") ? Optional.of(email.asText()) : Optional.empty();
        } catch (SourceHttpException e) {
            if (GitHubApi.gone(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static List<Principal> accounts(List<JsonNode> users) {
        List<Principal> accounts = new ArrayList<>();
        users.forEach(u -> accounts.add(GitHubPrincipals.account(u.path("id").asLong())));
        return accounts;
    }
}
