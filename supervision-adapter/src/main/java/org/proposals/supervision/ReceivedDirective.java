package org.proposals.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A directive the supervision system sent, under its own id, and what assignment-service made of it. */
@Entity
@Table(name = "received_directive")
public class ReceivedDirective extends PanacheEntityBase {

    public enum Type {
        /** Make the proposal a key proposal supervised by the named leader (市领导重点督办). */
        MARK_KEY,
        /** 督办: press the unit. */
        URGE,
        /** The unit reports its progress by the due date. */
        PROGRESS_REPORT,
        /** The unit replies by the due date, earlier than the regulations' deadline. */
        EARLIER_DEADLINE;

        public boolean directsAUnit() {
            return this != MARK_KEY;
        }

        public boolean hasDueDate() {
            return this == PROGRESS_REPORT || this == EARLIER_DEADLINE;
        }
    }

    public enum Status {
        /** Taken, and on its way to assignment-service. */
        ACCEPTED,
        APPLIED,
        /** assignment-service could not apply it; {@code outcomeReason} says why. */
        REJECTED
    }

    /** The platform's id, the same for every repeat: derived from the external id. */
    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    @Enumerated(EnumType.STRING)
    public Type type;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "leader_name")
    public String leaderName;

    public String note;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "outcome_reason")
    public String outcomeReason;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
