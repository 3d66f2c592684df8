package org.proposals.assignment;

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

/**
 * A directive of the city supervision office (督查室) to a unit about one of its assignments. Never changed once issued,
 * but for the unit's progress report on a PROGRESS_REPORT directive, given once.
 */
@Entity
@Table(name = "supervision_directive")
public class SupervisionDirective extends PanacheEntityBase {

    public enum Type {
        /** 督办: press the unit to get on with it. */
        URGE,
        /** Report on progress by the due date. */
        PROGRESS_REPORT,
        /** Reply by the due date, earlier than the regulations' deadline. */
        EARLIER_DEADLINE
    }

    @Id
    public UUID id;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Enumerated(EnumType.STRING)
    public Type type;

    public String note;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** For an earlier deadline: the reply deadline it replaced. */
    @Column(name = "previous_reply_due")
    public LocalDate previousReplyDue;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    /** For a PROGRESS_REPORT directive: the unit's report, once it gave it. */
    public String progress;

    @Column(name = "progress_submitted_at")
    public OffsetDateTime progressSubmittedAt;

    @Column(name = "progress_submitted_by")
    public String progressSubmittedBy;

    /** Reported after the due date (the city's date). */
    @Column(name = "progress_late")
    public Boolean progressLate;
}
