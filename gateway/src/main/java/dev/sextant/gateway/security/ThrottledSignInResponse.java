package dev.sextant.gateway.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns a throttled HTTP Basic sign-in, which Quarkus would answer like any failed one (401), into a 429 with
 * {@code Retry-After} and {@code {"error": ...}}.
 */
@ApplicationScoped
public class ThrottledSignInResponse {

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        LoginThrottledException throttled = find(context.failure());
        HttpServerResponse response = context.response();
        if (throttled == null || response.ended()) {
            context.next();
            return;
        }
        response.headers().remove("WWW-Authenticate");
        response.setStatusCode(429)
                .putHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", throttled.getMessage()).encode());
    }

    private static LoginThrottledException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LoginThrottledException throttled) {
                return throttled;
            }
        }
        return null;
    }
}
