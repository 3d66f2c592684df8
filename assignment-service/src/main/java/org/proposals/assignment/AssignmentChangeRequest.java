package org.proposals.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a unit's request to change one of its assignments (its unit or its deadline) has: who asked, why, and the committee's decision. */
@MappedSuperclass
public abstract class AssignmentChangeRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    public String reason;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_note")
    public String decisionNote;

    @Version
    public long version;

    /** Records the committee's decision; a blank note is no note. */
    public void decide(RequestStatus outcome, String note, OffsetDateTime at, String by) {
        status = outcome;
        decidedAt = at;
        decidedBy = by;
        decisionNote = note == null || note.isBlank() ? null : note.strip();
    }
}
