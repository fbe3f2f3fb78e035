package dev.sextant.connectors.mediawiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One wiki's action API ({@code api.php}): JSON in format version 2, {@code maxlag} on every request, the session
 * cookies of a bot-password login kept and the login redone once when the session is lost, and query continuation
 * in both protocols ({@code continue}, MediaWiki 1.21+, and the legacy {@code query-continue}).
 */
final class MediaWikiApi {

    /** Receives one response of a continued query. */
    @FunctionalInterface
    interface Batch {
        void accept(JsonNode response) throws IOException, InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A continued query that never ends is a broken server, not a big wiki: 10^6 batches of up to 5000 titles. */
    private static final int MAX_CONTINUATIONS = 1_000_000;

    private final URI api;
    private final SourceHttp http;
    private final int maxlag;
    private final Optional<Credentials> credentials;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private boolean loggedIn;

    /** A bot password: {@code lgname} is {@code User@botname}. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    MediaWikiApi(URI api, SourceHttp http, int maxlag, Optional<Credentials> credentials) {
        this.api = api;
        this.http = http;
        this.maxlag = maxlag;
        this.credentials = credentials;
    }

    URI uri() {
        return api;
    }

    /** One GET, logged in first when there are credentials. */
    JsonNode get(Map<String, String> params) throws IOException, InterruptedException {
        ensureLoggedIn();
        try {
            return call(params, false);
        } catch (MediaWikiApiException e) {
            if (credentials.isEmpty() || !sessionLost(e.code())) {
                throw e;
            }
            loggedIn = false;
            ensureLoggedIn();
            return call(params, false);
        }
    }

    /** A {@code list=}/{@code generator=} query, continued to its end, each response handed over in turn. */
    void query(Map<String, String> params, Batch batch) throws IOException, InterruptedException {
        Map<String, String> request = new LinkedHashMap<>(params);
        request.put("action", "query");
        request.putIfAbsent("continue", "");
        for (int i = 0; i < MAX_CONTINUATIONS; i++) {
            JsonNode response = get(request);
            batch.accept(response);
            Map<String, String> next = continuation(response);
            if (next.isEmpty()) {
                return;
            }
            request.putAll(next);
        }
        throw new IOException("MediaWiki query did not end after " + MAX_CONTINUATIONS + " continuations: " + params);
    }

    /** The parameters that continue a query: {@code continue} (current) or every {@code query-continue} member. */
    static Map<String, String> continuation(JsonNode response) {
        Map<String, String> next = new LinkedHashMap<>();
        JsonNode modern = response.path("continue");
        if (modern.isObject()) {
            modern.fields().forEachRemaining(e -> next.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode legacy = response.path("query-continue");
        if (legacy.isObject()) {
            for (Iterator<JsonNode> modules = legacy.elements(); modules.hasNext(); ) {
                modules.next().fields().forEachRemaining(e -> next.put(e.getKey(), e.getValue().asText()));
            }
        }
        return next;
    }

    private void ensureLoggedIn() throws IOException, InterruptedException {
        if (loggedIn || credentials.isEmpty()) {
            return;
        }
        JsonNode tokens = call(Map.of("action", "query", "meta", "tokens", "type", "login"), false);
        String token = tokens.path("query").path("tokens").path("logintoken").asText("");
        if (token.isEmpty()) {
            throw new MediaWikiApiException("notoken", "MediaWiki at " + api.getHost() + " gave no login token");
        }
        JsonNode login = call(Map.of("action", "login", "lgname", credentials.get().username(),
                "lgpassword", credentials.get().password(), "lgtoken", token), true).path("login");
        String result = login.path("result").asText("");
        if (!result.equals("Success")) {
            String reason = login.path("reason").isObject() ? login.path("reason").path("text").asText()
                    : login.path("reason").asText(result);
            throw new MediaWikiApiException("login-" + result.toLowerCase(java.util.Locale.ROOT),
                    "MediaWiki login as " + credentials.get().username() + " failed (" + result + "): " + reason
                            + " (a bot password from Special:BotPasswords, lgname User@botname)");
        }
        loggedIn = true;
    }

    private static boolean sessionLost(String code) {
        return code.equals("assertuserfailed") || code.equals("assertbotfailed") || code.equals("readapidenied")
                || code.equals("badtoken") || code.equals("notloggedin");
    }

    private JsonNode call(Map<String, String> params, boolean post) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("format", "json");
        all.put("formatversion", "2");
        if (maxlag >= 0) {
            all.put("maxlag", Integer.toString(maxlag));
        }
        String form = encode(all);
        HttpRequest.Builder request = post
                ? HttpRequest.newBuilder(api).POST(HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                : HttpRequest.newBuilder(URI.create(api + "?" + form)).GET();
        request.header("Accept", "application/json");
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        SourceResponse response = http.send(request.build());
        keepCookies(response);
        if (!response.ok()) {
            throw new IOException("MediaWiki at " + api.getHost() + " answered HTTP " + response.status() + " to "
                    + params.getOrDefault("action", "?") + ": " + response.excerpt());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException(api + " did not answer JSON (is it the wiki's api.php?): " + response.excerpt(), e);
        }
        if (body == null || !body.isObject()) {
            throw new IOException(api + " did not answer a JSON object (is it the wiki's api.php?)");
        }
        JsonNode error = body.has("errors") ? body.path("errors").path(0) : body.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String code = error.path("code").asText("unknown");
            String info = error.has("text") ? error.path("text").asText() : error.path("info").asText();
            throw new MediaWikiApiException(code, "MediaWiki at " + api.getHost() + ": " + code + ": " + info);
        }
        return body;
    }

    private void keepCookies(SourceResponse response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || value.equals("deleted")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    private String cookieHeader() {
        StringJoiner joiner = new StringJoiner("; ");
        cookies.forEach((name, value) -> joiner.add(name + "=" + value));
        return joiner.toString();
    }

    private static String encode(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }
}
