package dev.sextant.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Server-side sessions of the sign-in form, in the database so that they survive a restart and sign-out
 * really ends them. The cookie's token is 256 random bits; the table holds only its SHA-256.
 */
@ApplicationScoped
public class SessionStore {

    /** Writing {@code last_seen_at} on every request would be a write per search; once a minute is enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final EntityManager em;
    private final Duration idleTimeout;
    private final Duration maxAge;

    SessionStore(EntityManager em, WebSecurityConfig config) {
        this.em = em;
        this.idleTimeout = config.session().idleTimeout();
        this.maxAge = config.session().maxAge();
    }

    /** Starts a session and returns the token for the cookie; also clears out sessions that have ended. */
    @Transactional
    public String create(String username, String credentialTag) {
        Instant now = Instant.now();
        em.createQuery("delete from LoginSession s where s.expiresAt <= :now or s.lastSeenAt <= :idle")
                .setParameter("now", now).setParameter("idle", now.minus(idleTimeout)).executeUpdate();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LoginSession session = new LoginSession();
        session.tokenHash = hash(token);
        session.username = username;
        session.credentialTag = credentialTag;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(maxAge);
        em.persist(session);
        return token;
    }

    /** The live session this token names, marking it used; empty when unknown, signed out, idle or expired. */
    @Transactional
    public Optional<LoginSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        LoginSession session = em.find(LoginSession.class, hash(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (!now.isBefore(session.expiresAt) || !now.isBefore(session.lastSeenAt.plus(idleTimeout))) {
            em.remove(session);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt.plus(TOUCH_EVERY))) {
            session.lastSeenAt = now;
        }
        return Optional.of(session);
    }

    /** Ends the session this token names, if any. */
    @Transactional
    public void revoke(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            em.createQuery("delete from LoginSession s where s.tokenHash = :h")
                    .setParameter("h", hash(token)).executeUpdate();
        }
    }

    /** How long a cookie needs to live: a session never outlasts this. */
    public Duration maxAge() {
        return maxAge;
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(CredentialCache.sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
