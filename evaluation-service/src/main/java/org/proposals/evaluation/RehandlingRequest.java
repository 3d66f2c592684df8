package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The re-handling an unsatisfied rating asked for: one per proposal, unit and rated round. */
@Entity
@Table(name = "rehandling_request")
public class RehandlingRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    /** The round rated unsatisfied; the re-handling is the next one. */
    public int round;

    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "proposer_id")
    public String proposerId;

    public String reason;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
}
