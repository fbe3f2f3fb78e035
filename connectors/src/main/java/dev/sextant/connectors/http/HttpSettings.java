package dev.sextant.connectors.http;

import java.time.Duration;

/**
 * How patiently one source is called.
 *
 * @param maxAttempts   tries per request, the first included, for network errors, timeouts, 5xx and rate limits
 * @param baseBackoff   the first retry waits up to this (full jitter), each further one up to twice as long
 * @param maxBackoff    no single back-off waits longer
 * @param maxInlineWait a rate limit that resets sooner is waited out in the sync; a later one stops the sync with
 *                      {@link RateLimitedException}, so that the source is paused until then instead of failing
 * @param maxConcurrent requests in flight to this source at once
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration baseBackoff,
                           Duration maxBackoff, Duration maxInlineWait, int maxConcurrent, String userAgent) {

    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 6,
            Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(2), 4, "Sextant/0.1");

    public HttpSettings {
        if (maxAttempts < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("maxAttempts and maxConcurrent must be at least 1");
        }
    }

    public HttpSettings withBackoff(Duration base, Duration max) {
        return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, base, max, maxInlineWait, maxConcurrent,
                userAgent);
    }

    public HttpSettings withRequestTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxAttempts, baseBackoff, maxBackoff, maxInlineWait,
                maxConcurrent, userAgent);
    }

    public HttpSettings withMaxInlineWait(Duration wait) {
        return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff, wait,
                maxConcurrent, userAgent);
    }

    public HttpSettings withMaxConcurrent(int requests) {
        return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxBackoff, maxInlineWait,
                requests, userAgent);
    }
}
