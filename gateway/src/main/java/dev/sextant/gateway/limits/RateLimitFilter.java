package dev.sextant.gateway.limits;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts every call of a {@link RateLimited} method against the signed-in person's budget for its kind; past
 * the budget the call is a 429 with {@code Retry-After} (whole seconds, rounded up) and {@code {"error": ...}},
 * before the method runs. Anonymous calls are not counted: they are refused by authentication anyway.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** Users times kinds remembered at once; the least recently seen are forgotten first. */
    static final int CAPACITY = 30_000;

    private final RateLimiter limiter;
    private final SecurityIdentity identity;

    RateLimitFilter(LimitsConfig config, SecurityIdentity identity) {
        this.identity = identity;
        this.limiter = new RateLimiter(Map.of(RequestKind.SEARCH, config.searchPerMinute(),
                RequestKind.ANSWER, config.answerPerMinute(), RequestKind.CHAT, config.chatPerMinute()),
                CAPACITY, InstantSource.system());
    }

    @ServerRequestFilter
    public Response limit(ResourceInfo resource) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null || identity.isAnonymous()) {
            return null;
        }
        RequestKind kind = limited.value();
        Duration wait = limiter.acquire(identity.getPrincipal().getName(), kind);
        if (wait.isZero()) {
            return null;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .header("Retry-After", seconds)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "too many " + kind.label() + " requests: the limit is "
                        + limiter.budget(kind) + " a minute; try again in " + seconds + " s"))
                .build();
    }
}
