package dev.sextant.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * JSON in, JSON out, through the official client's generic API over its Apache HttpClient 5 transport. The
 * adapter builds its requests as JSON because the parts it depends on (scripted similarity, filtered k-NN,
 * point-in-time searches) are plain REST; an error status becomes an {@link OpenSearchException} naming the
 * request and OpenSearch's own reason.
 */
final class OpenSearchHttp implements Closeable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;

    OpenSearchHttp(OpenSearchSettings settings) {
        var url = settings.url();
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 9200;
        this.transport = ApacheHttpClient5TransportBuilder.builder(new HttpHost(url.getScheme(), url.getHost(), port))
                .setRequestConfigCallback(config -> config.setConnectionRequestTimeout(Timeout.ofSeconds(30))
                        .setResponseTimeout(Timeout.ofMinutes(2)))
                .build();
        this.client = new OpenSearchGenericClient(transport);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    JsonNode send(String method, String endpoint, Map<String, String> params, JsonNode body) throws IOException {
        return send(method, endpoint, params, body, false);
    }

    /** With {@code notFoundAnswers}, a 404 is an answer (a document GET's {@code "found": false}), not an error. */
    JsonNode send(String method, String endpoint, Map<String, String> params, JsonNode body, boolean notFoundAnswers)
            throws IOException {
        return send(method, endpoint, params, body == null ? null : Body.from(JSON.writeValueAsBytes(body),
                "application/json"), notFoundAnswers);
    }

    /** A bulk request: newline-delimited JSON. */
    JsonNode bulk(String ndjson, Map<String, String> params) throws IOException {
        return send("POST", "/_bulk", params, Body.from(ndjson.getBytes(StandardCharsets.UTF_8), "application/x-ndjson"),
                false);
    }

    /** Whether the resource exists: a HEAD or GET answered 200 rather than 404. */
    boolean exists(String endpoint) throws IOException {
        try (Response response = client.execute(Requests.builder().method("HEAD").endpoint(endpoint).build());
             Body ignored = response.getBody().orElse(null)) {
            return response.getStatus() == 200;
        }
    }

    private JsonNode send(String method, String endpoint, Map<String, String> params, Body body,
                          boolean notFoundAnswers) throws IOException {
        var request = Requests.builder().method(method).endpoint(endpoint).query(params);
        if (body != null) {
            request.body(body);
        }
        try (Response response = client.execute(request.build());
             Body answer = response.getBody().orElse(null)) {
            JsonNode json = answer == null ? null : parse(answer);
            if (response.getStatus() >= 300 && !(notFoundAnswers && response.getStatus() == 404)) {
                throw new OpenSearchException(response.getStatus(), method + " " + endpoint + " answered "
                        + response.getStatus() + ": " + reason(json));
            }
            return json == null ? object() : json;
        }
    }

    private static JsonNode parse(Body body) {
        try {
            return JSON.readTree(body.bodyAsBytes());
        } catch (IOException e) {
            return null;
        }
    }

    private static String reason(JsonNode json) {
        if (json == null) {
            return "(no body)";
        }
        JsonNode error = json.path("error");
        if (error.isObject()) {
            JsonNode root = error.path("root_cause").path(0);
            JsonNode cause = root.isMissingNode() ? error : root;
            return cause.path("type").asText("error") + ": " + cause.path("reason").asText("");
        }
        return error.isMissingNode() ? json.toString() : error.asText();
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
