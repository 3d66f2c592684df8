package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A proposal the city made a key proposal (重点提案), kept even before its cases open. */
@Entity
@Table(name = "key_proposal")
public class KeyProposal extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "leader_name")
    public String leaderName;

    @Column(name = "supervised_at")
    public OffsetDateTime supervisedAt;
}
