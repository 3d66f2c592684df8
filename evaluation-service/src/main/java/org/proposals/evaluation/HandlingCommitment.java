package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A measure a B or C reply promised, reported done: kept on time when done by its due date. */
@Entity
@Table(name = "handling_commitment")
public class HandlingCommitment extends PanacheEntityBase {

    @Id
    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    public String description;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "fulfilled_at")
    public OffsetDateTime fulfilledAt;

    @Column(name = "measure_id")
    public UUID measureId;
}
