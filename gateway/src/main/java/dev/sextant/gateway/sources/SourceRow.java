package dev.sextant.gateway.sources;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A source configured through the admin API; settings and sealed secrets as JSON objects of strings. */
@Entity
@Table(name = "source")
class SourceRow {

    @Id
    String id;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String settings;

    @Column(nullable = false)
    String secrets;

    @Column(name = "sync_interval", nullable = false)
    String interval;

    @Column(nullable = false)
    boolean paused;

    @Column(name = "paused_until")
    Instant pausedUntil;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
