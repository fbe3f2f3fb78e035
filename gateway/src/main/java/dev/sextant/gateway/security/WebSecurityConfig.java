package dev.sextant.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The web front's security settings ({@code sextant.http.*}); the README's Security section describes them. */
@ConfigMapping(prefix = "sextant.http")
public interface WebSecurityConfig {

    /**
     * Addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and
     * {@code X-Forwarded-Host} headers are believed. None by default: those headers are then ignored.
     */
    Optional<List<String>> trustedProxies();

    /** Origins ({@code https://search.example.com}) besides the server's own that may send state-changing requests. */
    Optional<List<String>> allowedOrigins();

    Session session();

    interface Session {
        /** A session unused for this long ends. */
        @WithDefault("PT8H")
        Duration idleTimeout();

        /** A session ends this long after sign-in, used or not. */
        @WithDefault("P1D")
        Duration maxAge();
    }
}
