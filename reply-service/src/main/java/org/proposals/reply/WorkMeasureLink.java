package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A work measure stems from a case file, and so from that case's proposal. */
@Entity
@Table(name = "work_measure_case")
@IdClass(WorkMeasureLink.Key.class)
public class WorkMeasureLink extends PanacheEntityBase {

    @Id
    @Column(name = "measure_id")
    public UUID measureId;

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "linked_at")
    public OffsetDateTime linkedAt;

    @Column(name = "linked_by_id")
    public String linkedById;

    protected WorkMeasureLink() {
    }

    public WorkMeasureLink(WorkMeasure measure, HandlingCase handlingCase, OffsetDateTime at, String by) {
        this.measureId = measure.id;
        this.caseId = handlingCase.id;
        this.proposalId = handlingCase.proposalId;
        this.linkedAt = at;
        this.linkedById = by;
    }

    /** The link's identity: one measure, one case. */
    public static class Key implements Serializable {
        public UUID measureId;
        public UUID caseId;

        public Key() {
        }

        public Key(UUID measureId, UUID caseId) {
            this.measureId = measureId;
            this.caseId = caseId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(measureId, k.measureId) && Objects.equals(caseId, k.caseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(measureId, caseId);
        }
    }
}
