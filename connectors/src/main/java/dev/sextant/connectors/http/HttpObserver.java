package dev.sextant.connectors.http;

import java.time.Duration;
import java.time.Instant;

/** Hears what the HTTP layer does for one source, for its sync run record and status. */
public interface HttpObserver {

    HttpObserver NONE = new HttpObserver() {
    };

    /** A request was sent (retries included). */
    default void requested() {
    }

    /** The layer waits for a rate limit to reset. */
    default void waitingForRateLimit(Instant until, String reason) {
    }

    /** The layer backs off before retrying a failed request. */
    default void retrying(int attempt, Duration backoff, String reason) {
    }
}
