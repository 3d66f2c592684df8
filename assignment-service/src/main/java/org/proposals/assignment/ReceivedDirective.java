package org.proposals.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A directive the supervision system sent through the supervision adapter (SupervisionDirectiveReceived), and what
 * became of it. Kept for every directive, applied or rejected, so that a repeat of it is recognised and not judged
 * again. Never changed once stored.
 */
@Entity
@Table(name = "received_directive")
public class ReceivedDirective extends PanacheEntityBase {

    public enum Outcome {
        /** Marked the proposal key, or issued the directive on the unit's assignment. */
        APPLIED,
        /** Could not be applied, for the reason given; SupervisionDirectiveRejected told the adapter. */
        REJECTED
    }

    /** The platform's id of the directive, the same for every repeat of it. */
    @Id
    @Column(name = "directive_id")
    public UUID directiveId;

    /** The supervision system's own id of the directive, as it spells it. */
    @Column(name = "external_id")
    public String externalId;

    /** As sent: MARK_KEY, URGE, PROGRESS_REPORT, EARLIER_DEADLINE (or whatever else it sent, rejected). */
    public String type;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    /** When the adapter received it from the supervision system. */
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String reason;

    /** For a directive to a unit: the unit's assignment it was judged on, if the unit had one. */
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
