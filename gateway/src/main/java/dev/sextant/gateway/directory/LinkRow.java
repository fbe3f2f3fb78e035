package dev.sextant.gateway.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the identity map. Origin {@code source}: a source asserted the email; origin {@code admin}: an admin
 * linked ({@code linked}) or unlinked the account, which overrides every source entry for that account.
 */
@Entity
@Table(name = "identity_link")
class LinkRow {

    static final String SOURCE = "source";
    static final String ADMIN = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String email;

    @Column(nullable = false)
    String account;

    @Column(nullable = false)
    String origin;

    @Column(name = "source_id")
    String sourceId;

    @Column(nullable = false)
    boolean linked;

    LinkRow() {
    }

    LinkRow(String email, String account, String origin, String sourceId, boolean linked) {
        this.email = email;
        this.account = account;
        this.origin = origin;
        this.sourceId = sourceId;
        this.linked = linked;
    }
}
