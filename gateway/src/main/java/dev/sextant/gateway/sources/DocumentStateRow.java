package dev.sextant.gateway.sources;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the index holds for one document: its stored version, its ACL as text, and the run that last saw it. */
@Entity
@Table(name = "document_state")
class DocumentStateRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "connector_id", nullable = false)
    String connectorId;

    @Column(name = "document_id", nullable = false)
    String documentId;

    @Column(nullable = false)
    String version;

    @Column(nullable = false)
    String acl;

    @Column(name = "last_seen_run")
    Long lastSeenRun;
}
