package dev.sextant.gateway.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code login_session}: one signed-in browser, known by the hash of its cookie's token. */
@Entity
@Table(name = "login_session")
public class LoginSession {

    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(nullable = false)
    String username;

    @Column(name = "credential_tag", nullable = false)
    String credentialTag;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    /** The absolute end: sign-in plus {@code sextant.http.session.max-age}. */
    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    public String username() {
        return username;
    }

    public String credentialTag() {
        return credentialTag;
    }
}
