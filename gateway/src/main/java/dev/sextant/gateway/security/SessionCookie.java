package dev.sextant.gateway.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The session cookie: {@code HttpOnly}, {@code SameSite=Strict}, path {@code /}, and {@code Secure} whenever the
 * client's request arrived over TLS (directly or, as a trusted proxy says, at the proxy).
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "sextant-session";

    private final TrustedProxies proxies;
    private final SessionStore sessions;

    SessionCookie(TrustedProxies proxies, SessionStore sessions) {
        this.proxies = proxies;
        this.sessions = sessions;
    }

    /** The token the request's cookie carries, or {@code null}. */
    public static String token(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    public void issue(HttpServerRequest request, HttpServerResponse response, String token) {
        response.addCookie(cookie(request, token).setMaxAge(sessions.maxAge().toSeconds()));
    }

    /** Tells the browser to drop the cookie. */
    public void expire(HttpServerRequest request, HttpServerResponse response) {
        response.addCookie(cookie(request, "").setMaxAge(0));
    }

    private Cookie cookie(HttpServerRequest request, String value) {
        return Cookie.cookie(NAME, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(proxies.https(request));
    }
}
