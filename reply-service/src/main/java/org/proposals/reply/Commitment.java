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
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A measure a formal B or C reply promised by a date; once done, the unit owes the proposer a second reply. */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {

    public enum Status { OPEN, FULFILLED }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public HandlingCase handlingCase;

    @Column(name = "reply_id")
    public UUID replyId;

    public String description;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "fulfilled_at")
    public OffsetDateTime fulfilledAt;

    @Column(name = "fulfilled_by")
    public String fulfilledBy;

    /** The register's work measure that fulfils it, when there is one. */
    @Column(name = "measure_id")
    public UUID measureId;

    public String note;

    @Version
    public long version;
}
