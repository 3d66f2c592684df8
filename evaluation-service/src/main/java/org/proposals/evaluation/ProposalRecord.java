package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.proposals.events.ProposalKind;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A proposal as the proposal service announced it. Created by whichever event about it comes first: one
 * made from a ProposalAssigned knows only the title and the proposer until ProposalSubmitted arrives.
 */
@Entity
@Table(name = "proposal_record")
public class ProposalRecord extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

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

    /** The year the proposal was submitted in, in the city's time zone; the year the figures are kept by. */
    public Integer year;

    @Column(name = "session_id")
    public UUID sessionId;

    /** PLENARY or RECESS. */
    public String source;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics;

    /** The committee's last decision: FILED, NOT_FILED, MERGED, WITHDRAWN or CLOSED; null while only submitted. */
    public String decision;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    protected ProposalRecord() {
    }

    public ProposalRecord(UUID proposalId) {
        this.proposalId = proposalId;
    }
}
