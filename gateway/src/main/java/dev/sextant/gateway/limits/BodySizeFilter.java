package dev.sextant.gateway.limits;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request that announces a body larger than {@code sextant.limits.max-body-size} with a 413
 * {@code {"error": ...}} before anything reads it. A body sent without a length is cut off at the same size by
 * the HTTP server ({@code quarkus.http.limits.max-body-size}, set to the same value), also with a 413.
 */
@ApplicationScoped
public class BodySizeFilter {

    /**
     * After {@link dev.sextant.gateway.security.SecurityHeaders} (CORS + 200), so that the refusal carries them, and
     * before the origin check (CORS + 100) and authentication spend anything on the request.
     */
    static final int PRIORITY = SecurityHandlerPriorities.CORS + 150;

    private final long maxBytes;

    BodySizeFilter(LimitsConfig config) {
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null || fits(length)) {
            context.next();
            return;
        }
        context.response().setStatusCode(413)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "the request body is larger than the limit of " + maxBytes
                        + " bytes (sextant.limits.max-body-size)").encode());
    }

    private boolean fits(String length) {
        try {
            return Long.parseLong(length.strip()) <= maxBytes;
        } catch (NumberFormatException e) {
            return true; // the HTTP server refuses a malformed length itself
        }
    }
}
