package dev.sextant.connectors.gdrive;

import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * How Google APIs say "slow down" beyond {@link RateLimitRule#standard()} (which handles 429 with or without
 * {@code Retry-After}): 403 or 429 whose error reason is {@code userRateLimitExceeded} or {@code rateLimitExceeded}
 * backs off exponentially; {@code dailyLimitExceeded} waits for the daily quota, which resets at midnight Pacific
 * time, so the source pauses until then.
 */
final class GoogleRateLimits implements RateLimitRule {

    static final GoogleRateLimits INSTANCE = new GoogleRateLimits();

    private static final Set<String> BACK_OFF = Set.of("userRateLimitExceeded", "rateLimitExceeded");
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private GoogleRateLimits() {
    }

    @Override
    public Optional<Throttle> refused(SourceResponse response, Instant now) {
        if (response.status() != 403 && response.status() != 429) {
            return Optional.empty();
        }
        GoogleError error = GoogleError.of(response);
        String where = " from " + response.uri().getHost();
        if (error.reasons().stream().anyMatch(BACK_OFF::contains)) {
            return Optional.of(new Throttle(Optional.empty(), "HTTP " + response.status() + " "
                    + String.join(", ", error.reasons()) + where));
        }
        if (error.reasons().contains("dailyLimitExceeded")) {
            Instant midnight = LocalDate.ofInstant(now, QUOTA_ZONE).plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
            return Optional.of(new Throttle(Optional.of(midnight), "daily quota spent (dailyLimitExceeded)" + where));
        }
        return Optional.empty();
    }
}
