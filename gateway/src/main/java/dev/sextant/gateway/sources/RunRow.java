package dev.sextant.gateway.sources;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sync run of one source, as admins read it. */
@Entity
@Table(name = "sync_run")
class RunRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "source_id", nullable = false)
    String sourceId;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(nullable = false)
    String outcome;

    int added;
    int updated;
    int deleted;
    @Column(name = "acl_updated")
    int aclUpdated;
    int unchanged;
    int skipped;
    int errors;
    int requests;
    @Column(name = "rate_limit_waits")
    int rateLimitWaits;

    @Column(name = "paused_until")
    Instant pausedUntil;

    String message;

    String checkpoint;
}
