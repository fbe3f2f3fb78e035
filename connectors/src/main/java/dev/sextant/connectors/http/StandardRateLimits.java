package dev.sextant.connectors.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link RateLimitRule#standard()}. */
final class StandardRateLimits implements RateLimitRule {

    static final StandardRateLimits INSTANCE = new StandardRateLimits();

    /** Below this a numeric reset is seconds from now, above it seconds since the epoch. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    /** A count of seconds: at most twelve digits, so that a garbled header cannot overflow a long. */
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");

    private StandardRateLimits() {
    }

    @Override
    public Optional<Throttle> refused(SourceResponse response, Instant now) {
        int status = response.status();
        Optional<Instant> retryAfter = retryAfter(response, now);
        if (status == 429) {
            return Optional.of(new Throttle(retryAfter.or(() -> reset(response, now)),
                    "HTTP 429 Too Many Requests from " + response.uri().getHost()));
        }
        if (status == 403 && spent(response)) {
            return Optional.of(new Throttle(reset(response, now).or(() -> retryAfter),
                    "rate limit of " + response.uri().getHost() + " exhausted (HTTP 403, X-RateLimit-Remaining: 0)"));
        }
        if (status == 503 && retryAfter.isPresent()) {
            return Optional.of(new Throttle(retryAfter, "HTTP 503 with Retry-After from " + response.uri().getHost()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> exhausted(SourceResponse response, Instant now) {
        return response.ok() && spent(response) ? reset(response, now) : Optional.empty();
    }

    static boolean spent(SourceResponse response) {
        return response.header("X-RateLimit-Remaining").map(String::strip).filter("0"::equals).isPresent();
    }

    private static Optional<Instant> reset(SourceResponse response, Instant now) {
        return response.header("X-RateLimit-Reset").flatMap(v -> instant(v.strip(), now));
    }

    static Optional<Instant> retryAfter(SourceResponse response, Instant now) {
        return response.header("Retry-After").flatMap(v -> retryAfter(v, now));
    }

    /** {@code Retry-After}: delta-seconds or an HTTP date (RFC 9110 10.2.3). */
    static Optional<Instant> retryAfter(String value, Instant now) {
        String v = value.strip();
        if (SECONDS.matcher(v).matches()) {
            return Optional.of(now.plusSeconds(Long.parseLong(v)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String value, Instant now) {
        if (SECONDS.matcher(value).matches()) {
            long n = Long.parseLong(value);
            return Optional.of(n >= EPOCH_THRESHOLD ? Instant.ofEpochSecond(n) : now.plusSeconds(n));
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return retryAfter(value, now);
        }
    }
}
