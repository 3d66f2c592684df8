package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A proposal merged into another (并案): its proposer also receives the reply to the one it was merged into. */
@Entity
@Table(name = "merged_proposal")
public class MergedProposal extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "into_proposal_id")
    public UUID intoProposalId;

    public String number;

    @Column(name = "proposer_id")
    public String proposerId;

    @Column(name = "proposer_name")
    public String proposerName;

    @Column(name = "merged_at")
    public OffsetDateTime mergedAt;
}
