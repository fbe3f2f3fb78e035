package dev.sextant.connectors.http;

import java.time.Instant;
import java.util.Optional;

/**
 * How one source says "slow down". {@link #standard()} reads the headers most APIs send; a connector adds its
 * source's own signals (GitHub's secondary limits, Google's 403 {@code userRateLimitExceeded}, MediaWiki's
 * {@code maxlag}) with {@link #or}.
 */
public interface RateLimitRule {

    /**
     * Whether this response refused the request for a rate limit.
     *
     * @return empty when it did not; otherwise when to try again (empty {@link Throttle#until()}: back off)
     */
    Optional<Throttle> refused(SourceResponse response, Instant now);

    /** When the source's budget is spent with this (successful) response, until when to hold the next request. */
    default Optional<Instant> exhausted(SourceResponse response, Instant now) {
        return Optional.empty();
    }

    /** A refusal: try again at {@code until}, or after an exponential back-off when the source does not say. */
    record Throttle(Optional<Instant> until, String reason) {
    }

    /**
     * 429 (and 503) with {@code Retry-After} (seconds or an HTTP date); 403 or 429 with
     * {@code X-RateLimit-Remaining: 0} and {@code X-RateLimit-Reset} (epoch seconds, seconds from now, or an ISO
     * instant); and {@code X-RateLimit-Remaining: 0} on a success, which holds the next request until the reset.
     */
    static RateLimitRule standard() {
        return StandardRateLimits.INSTANCE;
    }

    /**
     * The response's {@code Retry-After} as an instant: delta-seconds or an HTTP date; empty when absent or
     * unreadable. For a source's own rule, which reads the header the way the standard one does.
     */
    static Optional<Instant> retryAfter(SourceResponse response, Instant now) {
        return StandardRateLimits.retryAfter(response, now);
    }

    /** Whether the response says the budget is spent ({@code X-RateLimit-Remaining: 0}). */
    static boolean budgetSpent(SourceResponse response) {
        return StandardRateLimits.spent(response);
    }

    /** This rule, then {@code other} where this one sees no limit. */
    default RateLimitRule or(RateLimitRule other) {
        RateLimitRule first = this;
        return new RateLimitRule() {
            @Override
            public Optional<Throttle> refused(SourceResponse response, Instant now) {
                return first.refused(response, now).or(() -> other.refused(response, now));
            }

            @Override
            public Optional<Instant> exhausted(SourceResponse response, Instant now) {
                return first.exhausted(response, now).or(() -> other.exhausted(response, now));
            }
        };
    }
}
