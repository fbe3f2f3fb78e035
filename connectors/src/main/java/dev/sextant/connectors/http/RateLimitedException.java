package dev.sextant.connectors.http;

import java.io.IOException;
import java.time.Instant;

/**
 * The source's rate limit resets later than a sync may wait in place: the sync stops here (what it committed
 * stays), and the source is paused until {@link #until()}.
 */
public class RateLimitedException extends IOException {

    private final Instant until;

    public RateLimitedException(Instant until, String reason) {
        super(reason + "; resets at " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
