package org.proposals.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.proposals.events.HandlingType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One unit's assignment to handle one proposal with a handling type, and its clocks. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "unit_name")
    public String unitName;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_type")
    public HandlingType handlingType;

    /** For a co-handling unit: the lead unit it sends its opinion to. */
    @Column(name = "lead_unit_id")
    public String leadUnitId;

    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;

    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Enumerated(EnumType.STRING)
    public AssignmentOrigin origin = AssignmentOrigin.INITIAL;

    /** The last day the unit may ask to have the assignment changed (退回/申请调整). */
    @Column(name = "adjustment_due")
    public LocalDate adjustmentDue;

    /** The last day for the first contact with the proposer; none for co-handling units, who do not contact them. */
    @Column(name = "first_contact_due")
    public LocalDate firstContactDue;

    /** The reply (or co-handling opinion) deadline before any extension, so that the extension cap can be kept. */
    @Column(name = "original_reply_due")
    public LocalDate originalReplyDue;

    /** When the assignment ended because the unit's adjustment request was granted. */
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "sign_for_due")
    public LocalDate signForDue;

    /** When the formal reply is due; for a co-handling unit, when its opinion is due at the lead unit. */
    @Column(name = "reply_due")
    public LocalDate replyDue;

    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    /** The division that handles it, and the four levels of the unit's responsibility chain, once the office records them. */
    @Column(name = "division_id")
    public String divisionId;

    @Column(name = "bureau_head_id")
    public String bureauHeadId;

    @Column(name = "deputy_head_id")
    public String deputyHeadId;

    @Column(name = "division_head_id")
    public String divisionHeadId;

    @Column(name = "handler_id")
    public String handlerId;

    @Column(name = "responsibility_assigned_at")
    public OffsetDateTime responsibilityAssignedAt;

    /** 1 for the first handling; 2, 3 ... after the committee reopened the proposal for re-handling. */
    @Column(name = "handling_round")
    public int handlingRound = 1;

    /** When a co-handling unit's opinion reached the lead unit: its opinion clock stops. */
    @Column(name = "opinion_submitted_at")
    public OffsetDateTime opinionSubmittedAt;

    /** The unit's first contact with the proposer: the first-contact clock stops. */
    @Column(name = "first_contact_at")
    public OffsetDateTime firstContactAt;

    /** For a B or C reply: when the promised measure is due, after which the unit replies again (the second reply). */
    @Column(name = "commitment_due")
    public LocalDate commitmentDue;

    /** When a later reply reported the promised measure done. */
    @Column(name = "commitment_met_at")
    public OffsetDateTime commitmentMetAt;

    /** When the unit's reply was approved: its reply clock stops. */
    @Column(name = "replied_at")
    public OffsetDateTime repliedAt;

    @Column(name = "signed_late")
    public Boolean signedLate;

    @Version
    public long version;
}
