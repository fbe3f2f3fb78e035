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
 * A Confluence site's REST APIs (Cloud v2 under {@code /wiki/api/v2}, v1 under {@code /wiki/rest/api}) with one
 * {@code Authorization} header: Basic {@code email:api-token}, or Bearer for OAuth 2.0 tokens. Lists are followed
 * to their end by {@code _links.next} (v2's is site-relative, {@code /wiki/api/v2/...?cursor=}; v1's is relative to
 * {@code _links.base}), or by the {@code Link} header when the body has none.
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
    private final SourceHttp http;
    private final String authorization;

    /**
     * @param site the site's root, e.g. {@code https://acme.atlassian.net}, or for OAuth 2.0
     *             {@code https://api.atlassian.com/ex/confluence/<cloud id>}
     */
    ConfluenceApi(URI site, SourceHttp http, String authorization) {
        this.site = site;
        this.http = http;
        this.authorization = authorization;
    }

    URI site() {
        return site;
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
        if (next.startsWith("/wiki/")) {
            return resolve(next);
        }
        String base = body.path("_links").path("base").asText(site + "/wiki");
        return URI.create(base + next);
    }

    /** Appended, not resolved: an OAuth site is {@code https://api.atlassian.com/ex/confluence/<cloud id>}. */
    private URI resolve(String path) {
        return URI.create(site.toString().replaceAll("/+$", "") + path);
    }

    private SourceResponse send(URI uri) throws IOException, InterruptedException {
        SourceResponse response = http.get(uri, "Authorization", authorization, "Accept", "application/json");
        if (response.status() == 401) {
            throw new ConfluenceAuthException("Confluence at " + site.getHost() + " refused the credentials (HTTP 401):"
                    + " check the email and API token, or the OAuth token and its scopes");
        }
        if (response.status() == 403) {
            throw new ConfluenceAuthException("Confluence at " + site.getHost() + " forbids " + uri.getPath()
                    + " to this account (HTTP 403): it needs read access to the space (scopes read:confluence-*)");
        }
        return response;
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
