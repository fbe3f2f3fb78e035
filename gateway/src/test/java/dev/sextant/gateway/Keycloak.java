package dev.sextant.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real Keycloak that {@code .ci/keycloak.sh} starts with the realm exports of {@code config/}: where it is
 * ({@code SEXTANT_KEYCLOAK_URL}) and real tokens for the realms' users, from the token endpoint's password grant.
 */
final class Keycloak {

    static final String URL_VARIABLE = "SEXTANT_KEYCLOAK_URL";
    static final String NOT_RUNNING = "no Keycloak: start one with .ci/keycloak.sh and export SEXTANT_KEYCLOAK_URL";

    /** The clients of the realm exports and their (published, development-only) secrets. */
    static final String CLIENT = "sextant";
    static final String CLIENT_SECRET = "sextant-dev-secret-change-me-in-production";
    static final String OTHER_APP = "other-app";
    static final String OTHER_APP_SECRET = "other-app-dev-secret-change-me-in-production";
    static final String SHORT_LIVED = "sextant-short-lived";
    static final String SHORT_LIVED_SECRET = "short-lived-dev-secret-change-me-in-production";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Keycloak() {
    }

    static boolean running() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** {@code http://127.0.0.1:PORT}, as the tests' Sextant is configured with it. */
    static String url() {
        if (!running()) {
            throw new IllegalStateException(NOT_RUNNING);
        }
        return System.getenv(URL_VARIABLE);
    }

    static String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    static String password(String username) {
        return username + "-password";
    }

    /** An access token of the {@code sextant} client in the {@code sextant} realm. */
    static String accessToken(String username) {
        return accessToken(url(), "sextant", CLIENT, CLIENT_SECRET, username);
    }

    /**
     * An access token from the token endpoint under {@code base} (Keycloak names the issuer after the URL it was
     * asked at, so {@code localhost} instead of {@code 127.0.0.1} gives a token of another issuer, same keys).
     */
    static String accessToken(String base, String realm, String clientId, String secret, String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("username", username);
        form.put("password", password(username));
        form.put("scope", "openid email");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + " of " + clientId
                        + " in " + realm + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            return token.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
