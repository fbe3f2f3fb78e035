package dev.sextant.gateway.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Applies the {@link OriginCheck} to every request, the sign-in form's POST included, before CORS and
 * authentication run: a refused request gets a 403 {@code {"error": ...}} and reaches nothing else.
 */
@ApplicationScoped
public class CsrfFilter {

    static final int PRIORITY = SecurityHandlerPriorities.CORS + 100;

    private final OriginCheck check;
    private final TrustedProxies proxies;

    @Inject
    CsrfFilter(WebSecurityConfig config, TrustedProxies proxies) {
        this.check = new OriginCheck(config.allowedOrigins().orElse(List.of()));
        this.proxies = proxies;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<String> refusal = check.refusal(request.method().name(), proxies.origin(request),
                request.getHeader("Origin"), request.getHeader("Referer"), request.getHeader("Sec-Fetch-Site"),
                SessionCookie.token(request) != null);
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        context.response().setStatusCode(403)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", refusal.get()).encode());
    }
}
