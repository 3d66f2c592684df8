package org.proposals.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A unit's assignment of a proposal, from assignment-service's events: whom the reports and directives name. */
@Entity
@Table(name = "supervised_handling")
public class SupervisedHandling extends PanacheEntityBase {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "unit_name")
    public String unitName;

    @Column(name = "handling_type")
    public String handlingType;

    /** The assignment ended with an adjustment: the unit no longer handles the proposal. */
    public boolean ended;
}
