package org.proposals.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A registered proposal as the committee sees it when assigning: known from ProposalSubmitted, assignable
 * once ProposalFiled arrives, and never assignable after it was not filed, merged or withdrawn.
 */
@Entity
@Table(name = "assignable_proposal")
public class AssignableProposal extends PanacheEntityBase {

    public enum Status {
        /** Registered; the committee has not filed it yet. */
        AWAITING_FILING,
        AWAITING_ASSIGNMENT,
        ASSIGNED,
        /** Not filed, merged into another or withdrawn: it is not assigned on its own. */
        NOT_ASSIGNABLE
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ProposalKind kind;

    public String number;

    public String title;

    @Column(name = "proposer_id")
    public String proposerId;

    @Column(name = "proposer_name")
    public String proposerName;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Plenary or recess: clocks may differ between them. */
    @Enumerated(EnumType.STRING)
    public ProposalSource source = ProposalSource.PLENARY;

    /** For a key proposal (重点提案): the city leader who supervises it. */
    @Column(name = "supervised_by")
    public String supervisedBy;

    @Column(name = "supervision_note")
    public String supervisionNote;

    @Column(name = "supervised_since")
    public OffsetDateTime supervisedSince;

    @Version
    public long version;
}
