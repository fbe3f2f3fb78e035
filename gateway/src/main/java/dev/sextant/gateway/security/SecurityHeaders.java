package dev.sextant.gateway.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response (page, static files, API, errors, refusals): set just before the
 * headers go out, so that no handler's response, however it ends, goes without them.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The page loads its one script and one style sheet from this server and nothing inline. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Before {@link CsrfFilter}, so that its refusals carry the headers too. */
    static final int PRIORITY = CsrfFilter.PRIORITY + 100;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" on a same-origin form
            // POST, which the origin check must refuse.
            headers.set("Referrer-Policy", "same-origin");
            if (path.startsWith("/api/") || path.equals("/j_security_check")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }
}
