package org.proposals.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One status report to the supervision system: the outbound outbox. It is written with the event it reports and
 * leaves in order within its proposal; while it is pending or a dead letter, the proposal's later reports wait.
 */
@Entity
@Table(name = "status_report")
public class StatusReport extends PanacheEntityBase {

    public enum Status {
        /** Waiting to be delivered, or to be tried again. */
        PENDING,
        DELIVERED,
        /** Refused by the supervision system (4xx): waits for an operator to resend or discard it. */
        DEAD,
        /** Given up by an operator, with a reason: the proposal's later reports go on. */
        DISCARDED
    }

    /** Also the request's Idempotency-Key. */
    @Id
    public UUID id;

    /** Delivery order; set by the database. */
    @Column(insertable = false, updatable = false)
    public Long position;

    @Column(name = "proposal_id")
    public UUID proposalId;

    /** 1, 2, 3, ... within the proposal, so that the supervision system can see order and gaps. */
    public long sequence;

    @Enumerated(EnumType.STRING)
    public ReportType type;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The JSON exactly as it is sent. */
    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_http_status")
    public Integer lastHttpStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "dead_at")
    public OffsetDateTime deadAt;
}
