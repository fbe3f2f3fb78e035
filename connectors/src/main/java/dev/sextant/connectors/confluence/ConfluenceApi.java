package dev.sextant.connectors.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.LinkHeader;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * A Confluence site's REST APIs with one {@code Authorization} header: on Cloud v2 under {@code /wiki/api/v2} and v1
 * under {@code /wiki/rest/api}, Basic {@code email:api-token} or Bearer for OAuth 2.0 tokens; on Data Center v1
 * under {@code <base URL>/rest/api} (the base URL keeps its context path, e.g. {@code /confluence}), Bearer for
 * a personal access token. Lists are followed to their end by {@code _links.next} (v2's is site-relative,
 * {@code /wiki/api/v2/...?cursor=}; v1's is relative to {@code _links.base}), or by the {@code Link} header when
 * the body has none.
 */
final class ConfluenceApi {

    /** Receives one item of a list. */
    @FunctionalInterface
    interface Item {
        void accept(JsonNode item) throws IOException, InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 1_000_000;

    private final URI site;
    private final String v1Base;
    private final SourceHttp http;
    private final String authorization;

    /**
     * @param site the site's root, e.g. {@code https://acme.atlassian.net}, or for OAuth 2.0
     *             {@code https://api.atlassian.com/ex/confluence/<cloud id>}; on Data Center the base URL with its
     *             context path
     * @param dataCenter whether v1 lives under the site itself (Data Center) rather than under {@code /wiki}
     */
    ConfluenceApi(URI site, boolean dataCenter, SourceHttp http, String authorization) {
        this.site = site;
        this.v1Base = site.toString().replaceAll("/+$", "") + (dataCenter ? "" : "/wiki");
        this.http = http;
        this.authorization = authorization;
    }

    ConfluenceApi(URI site, SourceHttp http, String authorization) {
        this(site, false, http, authorization);
    }

    URI site() {
        return site;
    }

    /** Where v1 paths ({@code /rest/api/...}) and {@code _links} of v1 answers are relative to. */
    String v1Base() {
        return v1Base;
    }

    /** A v1 resource, {@code rest} starting after {@code /rest/api}. */
    String v1(String rest) {
        return v1Base.substring(site.toString().replaceAll("/+$", "").length()) + "/rest/api" + rest;
    }

    /**
     * The bytes of a download link ({@code _links.download}, relative to the v1 base), or empty on 404.
     */
    Optional<byte[]> download(String link) throws IOException, InterruptedException {
        URI uri = link.startsWith("http://") || link.startsWith("https://") ? URI.create(link)
                : URI.create(v1Base + (link.startsWith("/") ? "" : "/") + link);
        SourceResponse response = http.get(uri, "Authorization", authorization, "Accept", "*/*");
        if (response.status() == 401 || response.status() == 403) {
            throw new ConfluenceAuthException("Confluence at " + site.getHost() + " refused the download of "
                    + uri.getPath() + " (HTTP " + response.status() + ")");
        }
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(response.requireOk().body());
    }

    /** An empty JSON array, for an absent list. */
    JsonNode emptyArray() {
        return JSON.createArrayNode();
    }

    /** Like {@link #find}, but empty also when the account may not read it (403): for optional endpoints. */
    Optional<JsonNode> findPermitted(String path) throws IOException, InterruptedException {
        SourceResponse response = http.get(resolve(path), "Authorization", authorization, "Accept", "application/json");
        if (response.status() == 401) {
            throw unauthorized();
        }
        if (response.status() == 403 || response.status() == 404 || response.status() == 405) {
            return Optional.empty();
        }
        return Optional.of(read(response));
    }

    /** The resource, or empty on 404 (gone, or not visible to this account). */
    Optional<JsonNode> find(String path) throws IOException, InterruptedException {
        SourceResponse response = send(resolve(path));
        return response.status() == 404 ? Optional.empty() : Optional.of(read(response));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return read(send(resolve(path)));
    }

    /** Every item of a paged list ({@code results}), in the order the API gives them. */
    void list(String path, Item item) throws IOException, InterruptedException {
        URI next = resolve(path);
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            SourceResponse response = send(next);
            JsonNode body = read(response);
            for (JsonNode result : body.path("results")) {
                item.accept(result);
            }
            next = next(body, response);
        }
    }

    private URI next(JsonNode body, SourceResponse response) {
        String next = body.path("_links").path("next").asText("");
        if (next.isEmpty()) {
            return LinkHeader.next(response).orElse(null);
        }
        if (next.startsWith("http://") || next.startsWith("https://")) {
            return URI.create(next);
        }
        if (next.startsWith("/wiki/") && v1Base.endsWith("/wiki")) {
            return resolve(next);
        }
        String base = body.path("_links").path("base").asText(v1Base);
        return URI.create(base + next);
    }

    /** Appended, not resolved: an OAuth site is {@code https://api.atlassian.com/ex/confluence/<cloud id>}. */
    private URI resolve(String path) {
        return URI.create(site.toString().replaceAll("/+$", "") + path);
    }

    private SourceResponse send(URI uri) throws IOException, InterruptedException {
        SourceResponse response = http.get(uri, "Authorization", authorization, "Accept", "application/json");
        if (response.status() == 401) {
            throw unauthorized();
        }
        if (response.status() == 403) {
            throw new ConfluenceAuthException("Confluence at " + site.getHost() + " forbids " + uri.getPath()
                    + " to this account (HTTP 403): it needs read access to the space (scopes read:confluence-*)");
        }
        return response;
    }

    private ConfluenceAuthException unauthorized() {
        return new ConfluenceAuthException("Confluence at " + site.getHost() + " refused the credentials (HTTP 401):"
                + " check the email and API token, the OAuth token and its scopes, or the personal access token");
    }

    private static JsonNode read(SourceResponse response) throws IOException {
        response.requireOk();
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException(response.uri() + " did not answer JSON (is the base URL the Confluence site?): "
                    + response.excerpt(), e);
        }
    }

    /** The credentials were refused, or lack a permission. */
    static final class ConfluenceAuthException extends IOException {
        ConfluenceAuthException(String message) {
            super(message);
        }
    }
}
