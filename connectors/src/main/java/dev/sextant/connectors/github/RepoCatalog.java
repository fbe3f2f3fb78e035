package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which repositories the source indexes: an organisation's ({@code /orgs/{org}/repos}), a user's
 * ({@code /users/{user}/repos}), or for a GitHub App those its installation may read
 * ({@code /installation/repositories}, kept to the configured owner). Name filters apply; archived and disabled
 * repositories are left out, so that their documents leave the index.
 */
final class RepoCatalog {

    private final GitHubApi api;
    private final GitHubSettings settings;

    RepoCatalog(GitHubApi api, GitHubSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    List<Repo> list() throws IOException, InterruptedException {
        List<JsonNode> raw;
        if (api.auth().app()) {
            raw = api.list("installation/repositories", "repositories");
        } else if (settings.org().isPresent()) {
            raw = api.list("orgs/" + GitHubApi.segment(settings.org().get()) + "/repos?type=all");
        } else {
            raw = api.list("users/" + GitHubApi.segment(settings.user().get()) + "/repos?type=owner");
        }
        List<Repo> repos = new ArrayList<>();
        for (JsonNode r : raw) {
            Repo repo = Repo.of(r);
            if (repo.owner().equalsIgnoreCase(settings.owner()) && indexed(repo)) {
                repos.add(repo);
            }
        }
        return repos;
    }

    private boolean indexed(Repo repo) {
        return !repo.archived() && !repo.disabled() && settings.wanted(repo.name());
    }
}
