package dev.sextant.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Signs in the way the web page does: {@code POST /j_security_check} with the form's two fields, no
 * {@code Origin} header (the CSRF check accepts that), and keeps the {@code sextant-session} cookie it sets.
 */
final class SessionSignIn {

    static final String COOKIE = "sextant-session";

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;

    SessionSignIn(HttpClient client, URI base, Duration timeout) {
        this.client = client;
        this.base = base;
        this.timeout = timeout;
    }

    /** The {@code Cookie} header value that carries {@code account}'s new session. */
    String signIn(String account, String password) throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(account, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/j_security_check"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IOException("sign-in as " + account + " at " + base + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() / 100 != 3 || location.contains("login=")) {
            throw new IOException("sign-in as " + account + " refused: HTTP " + response.statusCode()
                    + (location.isEmpty() ? "" : " to " + location));
        }
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0].trim();
            if (pair.startsWith(COOKIE + "=") && pair.length() > COOKIE.length() + 1) {
                return pair;
            }
        }
        throw new IOException("sign-in as " + account + " set no " + COOKIE + " cookie");
    }
}
