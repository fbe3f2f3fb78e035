package dev.sextant.gateway.security;

import java.time.Duration;

/**
 * A sign-in refused without checking the password, because of earlier failures; says how long to wait. Over
 * HTTP Basic it travels as the cause of an {@code AuthenticationFailedException} (final, so not a subclass).
 */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins: try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: what a {@code Retry-After} header carries. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
