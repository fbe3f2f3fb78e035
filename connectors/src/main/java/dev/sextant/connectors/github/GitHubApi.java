package dev.sextant.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.LinkHeader;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceHttpException;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub's REST API as the connector calls it: the media type and API version headers, the credential, ETag
 * revalidation on every listing (a 304 costs no rate limit), and lists paged by {@code Link} headers.
 */
final class GitHubApi {

    static final String ACCEPT = "application/vnd.github+json";
    static final String API_VERSION = "2022-11-28";
    static final int PER_PAGE = 100;
    /** Statuses that say the connector may not (or no longer) read a thing, as opposed to a failure to retry. */
    private static final Set<Integer> GONE = Set.of(403, 404, 410, 451);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final SourceHttp http;
    private final GitHubAuth auth;

    GitHubApi(URI base, SourceHttp http, GitHubAuth auth) {
        this.base = base;
        this.http = http;
        this.auth = auth;
    }

    URI base() {
        return base;
    }

    GitHubAuth auth() {
        return auth;
    }

    /** {@code relative} without a leading slash, resolved against the base URL (which may carry {@code /api/v3/}). */
    URI uri(String relative) {
        return base.resolve(relative);
    }

    /** A conditional GET: {@code If-None-Match} with the ETag of the last body seen for this URI. */
    SourceResponse get(URI uri) throws IOException, InterruptedException {
        return http.sendConditional(request(uri, auth.authorization()));
    }

    /** A plain GET, for content addressed by sha that is fetched once (blobs). */
    SourceResponse getOnce(URI uri) throws IOException, InterruptedException {
        return http.send(request(uri, auth.authorization()));
    }

    SourceResponse get(URI uri, String authorization) throws IOException, InterruptedException {
        return http.send(request(uri, authorization));
    }

    JsonNode json(String relative) throws IOException, InterruptedException {
        return JSON.readTree(get(uri(relative)).requireOk().body());
    }

    /** Every item of a paged list; {@code field} names the array when the page is an object (installation repos). */
    List<JsonNode> list(String relative, String field) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        URI next = uri(relative + (relative.contains("?") ? "&" : "?") + "per_page=" + PER_PAGE);
        while (next != null) {
            SourceResponse page = get(next).requireOk();
            JsonNode body = JSON.readTree(page.body());
            JsonNode items = field == null ? body : body.path(field);
            if (!items.isArray()) {
                throw new IOException("GitHub answered " + next.getPath() + " without a list"
                        + (field == null ? "" : " in '" + field + "'"));
            }
            items.forEach(all::add);
            next = LinkHeader.next(page).orElse(null);
        }
        return all;
    }

    List<JsonNode> list(String relative) throws IOException, InterruptedException {
        return list(relative, null);
    }

    static JsonNode parse(SourceResponse response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Whether the failure says the thing is gone or closed to this credential, rather than a passing fault. */
    static boolean gone(IOException e) {
        return e instanceof SourceHttpException h && GONE.contains(h.status());
    }

    /** GitHub's own clock, from the {@code Date} header, so that {@code since} cursors do not depend on ours. */
    static Optional<Instant> serverTime(SourceResponse response) {
        return response.header("Date").flatMap(d -> {
            try {
                return Optional.of(ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** One path segment (a branch name may hold {@code /}, which GitHub takes as it is). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    private static HttpRequest request(URI uri, String authorization) {
        return HttpRequest.newBuilder(uri).GET().header("Accept", ACCEPT).header("X-GitHub-Api-Version", API_VERSION)
                .header("Authorization", authorization).build();
    }
}
