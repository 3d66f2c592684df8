package org.proposals.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What the reports say of a proposal, from proposal-service's events. */
@Entity
@Table(name = "supervised_proposal")
public class SupervisedProposal extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    public String number;

    public String title;

    public String kind;

    @Column(name = "session_id")
    public UUID sessionId;

    public Integer year;
}
