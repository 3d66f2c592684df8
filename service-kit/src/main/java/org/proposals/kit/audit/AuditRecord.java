package org.proposals.kit.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One state change as the audit trail keeps it: who, when, what, in which request or because of which
 * event. Inserted by {@link AuditTrail} and never updated by the application; the chain fields are set
 * once by {@link AuditSealer}, directly in the database.
 */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    public UUID id;

    /** Insertion order, given by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public String action;

    @Column(name = "record_type")
    public String recordType;

    @Column(name = "record_id")
    public String recordId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_name")
    public String actorName;

    /** Comma-separated. */
    @Column(name = "actor_roles")
    public String actorRoles;

    @Column(name = "actor_unit_id")
    public String actorUnitId;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "causation_id")
    public UUID causationId;

    /** The changed fields as JSON: {@code {"field":{"before":...,"after":...}}}. */
    public String changes;

    @Column(name = "chain_position", insertable = false, updatable = false)
    public Long chainPosition;

    @Column(name = "previous_hash", insertable = false, updatable = false)
    public String previousHash;

    @Column(insertable = false, updatable = false)
    public String hash;
}
