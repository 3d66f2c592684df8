package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A work measure a unit's handling of a proposal led to (提案转化为实际工作措施): a line of the summary's appendix. */
@Entity
@Table(name = "handling_measure")
@IdClass(HandlingMeasure.Key.class)
public class HandlingMeasure extends PanacheEntityBase {

    @Id
    @Column(name = "measure_id")
    public UUID measureId;

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "case_id")
    public UUID caseId;

    /** POLICY_DOCUMENT, ACTION_PLAN, EVENT, PLATFORM or OTHER. */
    public String kind;

    public String title;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static class Key implements Serializable {
        public UUID measureId;
        public UUID proposalId;

        public Key() {
        }

        public Key(UUID measureId, UUID proposalId) {
            this.measureId = measureId;
            this.proposalId = proposalId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(measureId, k.measureId) && Objects.equals(proposalId, k.proposalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(measureId, proposalId);
        }
    }
}
