package dev.sextant.connectors.github;

import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * GitHub's secondary rate limits, as its REST documentation describes them: a 403 or 429 with {@code retry-after}
 * waits that many seconds; a 403 or 429 whose body speaks of a "secondary rate limit", or a 429 that says nothing
 * else, waits at least a minute. A primary limit ({@code x-ratelimit-remaining: 0} with {@code x-ratelimit-reset}
 * in epoch seconds) is left to {@link RateLimitRule#standard()}, which {@link #rule()} composes after this one.
 */
public final class GitHubRateLimits implements RateLimitRule {

    /** "Otherwise, wait for at least one minute before retrying." */
    static final Duration SECONDARY_MINIMUM = Duration.ofSeconds(60);

    private GitHubRateLimits() {
    }

    /** This rule, then the standard headers. */
    public static RateLimitRule rule() {
        return new GitHubRateLimits().or(RateLimitRule.standard());
    }

    @Override
    public Optional<Throttle> refused(SourceResponse response, Instant now) {
        int status = response.status();
        if ((status != 403 && status != 429) || RateLimitRule.budgetSpent(response)) {
            return Optional.empty();
        }
        String host = response.uri().getHost();
        Optional<Instant> retryAfter = RateLimitRule.retryAfter(response, now);
        if (retryAfter.isPresent()) {
            return Optional.of(new Throttle(retryAfter, "secondary rate limit of " + host + " (HTTP " + status
                    + ", retry-after " + Duration.between(now, retryAfter.get()).toSeconds() + " s)"));
        }
        if (status == 429 || response.text().toLowerCase(Locale.ROOT).contains("secondary rate limit")) {
            return Optional.of(new Throttle(Optional.of(now.plus(SECONDARY_MINIMUM)),
                    "secondary rate limit of " + host + " (HTTP " + status + "), waiting a minute as GitHub asks"));
        }
        return Optional.empty();
    }
}
