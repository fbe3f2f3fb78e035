package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/** Google's OAuth 2.0 token endpoint: a form POST answered with {@code access_token} and {@code expires_in}. */
final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final SourceHttp http;
    private final Clock clock;

    TokenEndpoint(URI uri, SourceHttp http, Clock clock) {
        this.uri = uri;
        this.http = http;
        this.clock = clock;
    }

    URI uri() {
        return uri;
    }

    AccessTokens.Token exchange(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        SourceResponse response = http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("token endpoint " + uri + " answered HTTP " + response.status()
                    + " that is not JSON: " + response.excerpt(), e);
        }
        if (!response.ok() || !json.hasNonNull("access_token")) {
            throw new TokenExchangeException(uri.toString(), response.status(), json.path("error").asText("unknown"),
                    json.path("error_description").asText(""));
        }
        return new AccessTokens.Token(json.get("access_token").asText(),
                clock.instant().plusSeconds(json.path("expires_in").asLong(3600)));
    }
}
