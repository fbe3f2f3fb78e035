package dev.sextant.gateway.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account a source discovered, with the email the source asserts for it (null when it tells none). */
@Entity
@Table(name = "source_identity")
class IdentityRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "source_id", nullable = false)
    String sourceId;

    @Column(nullable = false)
    String account;

    @Column(nullable = false)
    String login;

    String email;

    @Column(name = "seen_at", nullable = false)
    Instant seenAt;

    IdentityRow() {
    }

    IdentityRow(String sourceId, String account, String login, String email, Instant seenAt) {
        this.sourceId = sourceId;
        this.account = account;
        this.login = login;
        this.email = email;
        this.seenAt = seenAt;
    }
}
