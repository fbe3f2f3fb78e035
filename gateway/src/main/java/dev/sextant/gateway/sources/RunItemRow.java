package dev.sextant.gateway.sources;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A skipped item or an error of a run. */
@Entity
@Table(name = "sync_run_item")
class RunItemRow {

    static final String SKIPPED = "skipped";
    static final String ERROR = "error";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "run_id", nullable = false)
    Long runId;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    String location;

    @Column(nullable = false)
    String reason;

    RunItemRow() {
    }

    RunItemRow(Long runId, String kind, String location, String reason) {
        this.runId = runId;
        this.kind = kind;
        this.location = location;
        this.reason = reason;
    }
}
