package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A unit's contact with the proposer, as reply-service reported it; disputed by the proposer, it does not count. */
@Entity
@Table(name = "handling_contact")
public class HandlingContact extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    public String channel;

    @Column(name = "face_to_face")
    public boolean faceToFace;

    @Column(name = "contacted_at")
    public OffsetDateTime contactedAt;

    public boolean disputed;
}
