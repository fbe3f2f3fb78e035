package dev.sextant.connectors.gdrive;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The access token a connector sends, obtained from its grant and renewed five minutes before it expires. */
final class AccessTokens {

    private static final Duration MARGIN = Duration.ofMinutes(5);

    /** An access token and when it stops working. */
    record Token(String value, Instant expires) {
    }

    /** A way to obtain a token: a signed JWT assertion, or a refresh token. */
    interface Grant {
        Token obtain() throws IOException, InterruptedException;
    }

    private final Grant grant;
    private final Clock clock;
    private Token token;

    AccessTokens(Grant grant, Clock clock) {
        this.grant = grant;
        this.clock = clock;
    }

    synchronized String current() throws IOException, InterruptedException {
        if (token == null || !clock.instant().plus(MARGIN).isBefore(token.expires())) {
            token = grant.obtain();
        }
        return token.value();
    }

    /** Forgets a token the API refused (revoked, or expired early), so that the next call obtains another. */
    synchronized void invalidate(String refused) {
        if (token != null && token.value().equals(refused)) {
            token = null;
        }
    }
}
