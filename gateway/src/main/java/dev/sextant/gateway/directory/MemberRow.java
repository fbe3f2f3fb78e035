package dev.sextant.gateway.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One direct membership a source's group sync reported. */
@Entity
@Table(name = "directory_member")
class MemberRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "source_id", nullable = false)
    String sourceId;

    @Column(name = "group_principal", nullable = false)
    String groupPrincipal;

    @Column(name = "member_principal", nullable = false)
    String memberPrincipal;

    MemberRow() {
    }

    MemberRow(String sourceId, String group, String member) {
        this.sourceId = sourceId;
        this.groupPrincipal = group;
        this.memberPrincipal = member;
    }
}
