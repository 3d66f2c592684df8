package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deadline a unit missed, as assignment-service announced it (DeadlineMissed), kept under that event's id so
 * that a deduction can name the event that caused it.
 */
@Entity
@Table(name = "missed_deadline")
public class MissedDeadline extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    /** The clock's key: sign-for, co-handling-opinion, first-contact, formal-reply, second-reply ... */
    public String clock;

    public LocalDate due;

    @Column(name = "working_days_late")
    public Integer workingDaysLate;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
}
