package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A GitHub App installation: a JWT signed locally is exchanged at
 * {@code POST /app/installations/{id}/access_tokens} for an installation token (an hour's life), taken again five
 * minutes before its {@code expires_at}.
 */
final class InstallationAuth implements GitHubAuth {

    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String installationId;
    private final AppJwt jwt;
    private final SourceHttp http;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    InstallationAuth(URI base, String installationId, AppJwt jwt, SourceHttp http, Clock clock) {
        this.base = base;
        this.installationId = installationId;
        this.jwt = jwt;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String authorization() throws IOException, InterruptedException {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            exchange();
        }
        return "Bearer " + token;
    }

    @Override
    public boolean app() {
        return true;
    }

    /** The app's own JWT, for {@code GET /app}. */
    String appAuthorization() throws IOException {
        try {
            return "Bearer " + jwt.sign(clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the GitHub App JWT: " + e.getMessage(), e);
        }
    }

    private void exchange() throws IOException, InterruptedException {
        URI uri = base.resolve("app/installations/" + installationId + "/access_tokens");
        HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", appAuthorization())
                .header("Accept", GitHubApi.ACCEPT).header("X-GitHub-Api-Version", GitHubApi.API_VERSION).build();
        SourceResponse response = http.send(request);
        if (response.status() != 201 && response.status() != 200) {
            throw new GitHubAuthException(response.status(), switch (response.status()) {
                case 401 -> "the GitHub App's JWT was refused (check app_id and private_key): " + response.excerpt();
                case 403, 404 -> "no installation " + installationId + " of this GitHub App: " + response.excerpt();
                default -> "installation token exchange failed with HTTP " + response.status() + ": "
                        + response.excerpt();
            });
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.hasNonNull("token")) {
            throw new IOException("installation token exchange answered without a token");
        }
        token = body.get("token").asText();
        refreshAt = refreshAt(response, body.path("expires_at").asText(""));
    }

    /**
     * Five minutes before the token's end, measured as its lifetime on GitHub's clock ({@code expires_at} less the
     * response's {@code Date}) from now on ours, so that clocks that differ neither expire it nor refresh it on every
     * request. A token shorter than that is taken again half way.
     */
    private Instant refreshAt(SourceResponse response, String expiresAt) {
        Instant obtained = clock.instant();
        Duration life;
        try {
            life = Duration.between(GitHubApi.serverTime(response).orElse(obtained), Instant.parse(expiresAt));
        } catch (DateTimeParseException e) {
            life = Duration.ofHours(1);
        }
        return obtained.plus(life.compareTo(REFRESH_BEFORE.multipliedBy(2)) > 0 ? life.minus(REFRESH_BEFORE)
                : life.dividedBy(2));
    }

    /** GitHub refused the app's credentials. */
    static final class GitHubAuthException extends IOException {
        private final int status;

        GitHubAuthException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
