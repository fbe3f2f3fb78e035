package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Authorized GETs against Google's APIs: the bearer token on every request, and one retry with a fresh token when
 * the API answers 401 (a token revoked or expired early).
 */
final class GoogleApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceHttp http;
    private final AccessTokens tokens;

    GoogleApi(SourceHttp http, AccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** {@code base + path} with these query parameters (name, value, ...; a null value leaves its name out). */
    static URI uri(String base, String path, String... params) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < params.length; i += 2) {
            if (params[i + 1] != null) {
                query.add(params[i] + "=" + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
        }
        return URI.create(base + path + (query.length() == 0 ? "" : "?" + query));
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    SourceResponse get(URI uri) throws IOException, InterruptedException {
        String token = tokens.current();
        SourceResponse response = http.get(uri, "Authorization", "Bearer " + token);
        if (response.status() == 401) {
            tokens.invalidate(token);
            response = http.get(uri, "Authorization", "Bearer " + tokens.current());
        }
        return response;
    }

    /** The JSON body of a 2xx; otherwise {@link GoogleApiException} saying {@code what} failed and why. */
    JsonNode json(URI uri, String what) throws IOException, InterruptedException {
        SourceResponse response = get(uri);
        if (!response.ok()) {
            throw new GoogleApiException(what, GoogleError.of(response));
        }
        return JSON.readTree(response.body());
    }
}
