package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A later reply deadline the unit asked for from its case; assignment-service registers it and the committee decides. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends PanacheEntityBase {

    public enum Status { PENDING, GRANTED, REJECTED }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public HandlingCase handlingCase;

    public String reason;

    @Column(name = "current_due")
    public LocalDate currentDue;

    @Column(name = "requested_due")
    public LocalDate requestedDue;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "granted_due")
    public LocalDate grantedDue;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
