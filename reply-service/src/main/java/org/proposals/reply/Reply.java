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
import org.proposals.events.ResultCategory;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A unit's reply to the proposer: drafted by the handler, approved in review as the formal reply. */
@Entity
@Table(name = "reply")
public class Reply extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public HandlingCase handlingCase;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_category")
    public ResultCategory resultCategory;

    public String text;

    @Enumerated(EnumType.STRING)
    public ReplyStatus status;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Version
    public long version;

    protected Reply() {
    }

    Reply(HandlingCase handlingCase, ResultCategory resultCategory, String text, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.handlingCase = handlingCase;
        this.resultCategory = resultCategory;
        this.text = text;
        this.status = ReplyStatus.DRAFT;
        this.createdAt = now;
    }
}
