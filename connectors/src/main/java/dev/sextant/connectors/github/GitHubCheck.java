package dev.sextant.connectors.github;

import dev.sextant.connectors.http.SourceResponse;
import dev.sextant.connectors.spi.SourceCheckException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tries a GitHub source's credentials the way a sync uses them. A token: {@code GET /user}, whose
 * {@code X-OAuth-Scopes} (classic tokens send it) must hold {@code repo} for private repositories and
 * {@code read:org} (or a wider org scope) for members and teams. An app: {@code GET /app} with its JWT, then the
 * installation token exchange. Then the organisation or user must be visible.
 */
final class GitHubCheck {

    private static final Set<String> ORG_READ = Set.of("read:org", "write:org", "admin:org");

    private final GitHubApi api;
    private final GitHubSettings settings;

    GitHubCheck(GitHubApi api, GitHubSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    void check() throws SourceCheckException, InterruptedException {
        String host = api.base().getHost();
        try {
            if (api.auth() instanceof InstallationAuth app) {
                checkApp(app);
            } else {
                checkToken();
            }
            String owner = settings.org().map(o -> "orgs/" + GitHubApi.segment(o))
                    .orElseGet(() -> "users/" + GitHubApi.segment(settings.user().get()));
            SourceResponse response = api.get(api.uri(owner));
            if (response.status() == 404) {
                throw new SourceCheckException("no " + (settings.org().isPresent() ? "organisation" : "user") + " '"
                        + settings.owner() + "' visible to this credential on " + host);
            }
            expectJson(response, owner);
        } catch (InstallationAuth.GitHubAuthException e) {
            throw new SourceCheckException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SourceCheckException("cannot reach " + host + ": " + e.getMessage(), e);
        }
    }

    private void checkToken() throws IOException, InterruptedException, SourceCheckException {
        SourceResponse user = api.get(api.uri("user"));
        if (user.status() == 401) {
            throw new SourceCheckException("bad token: GitHub at " + api.base().getHost() + " answered 401 "
                    + message(user));
        }
        expectJson(user, "user");
        if (user.header("X-OAuth-Scopes").isEmpty()) {
            return;
        }
        Set<String> scopes = Arrays.stream(user.header("X-OAuth-Scopes").get().split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        if (!scopes.contains("repo")) {
            missing.add("repo (to read private repositories)");
        }
        if (settings.org().isPresent() && scopes.stream().noneMatch(ORG_READ::contains)) {
            missing.add("read:org (to read members and teams)");
        }
        if (!missing.isEmpty()) {
            throw new SourceCheckException("the token lacks scope " + String.join(" and ", missing));
        }
    }

    private void checkApp(InstallationAuth app) throws IOException, InterruptedException, SourceCheckException {
        SourceResponse self = api.get(api.uri("app"), app.appAuthorization());
        if (self.status() == 401) {
            throw new SourceCheckException("GitHub refused the app's JWT (check app_id and private_key): "
                    + message(self));
        }
        expectJson(self, "app");
        app.authorization();
    }

    private void expectJson(SourceResponse response, String path) throws SourceCheckException {
        boolean json = response.header("Content-Type").map(t -> t.contains("json")).orElse(false);
        if (!response.ok() || !json) {
            throw new SourceCheckException("base_url " + api.base() + " does not answer as the GitHub API (HTTP "
                    + response.status() + " on /" + path + "); GitHub Enterprise Server is https://HOST/api/v3");
        }
    }

    private static String message(SourceResponse response) {
        try {
            return GitHubApi.parse(response).path("message").asText(response.excerpt());
        } catch (IOException e) {
            return response.excerpt();
        }
    }
}
