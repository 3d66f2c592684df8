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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.proposals.events.ResultCategory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One version of a reply as the handler wrote it; kept unchanged for ever. */
@Entity
@Immutable
@Table(name = "reply_version")
public class ReplyVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reply_id")
    public Reply reply;

    public int number;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_category")
    public ResultCategory resultCategory;

    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> answers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "measures_taken")
    public List<ReplyContent.MeasureTaken> measuresTaken;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "measures_promised")
    public List<ReplyContent.PromisedMeasure> measuresPromised;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reflected_opinions")
    public List<UUID> reflectedOpinions;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by_id")
    public String createdById;

    @Column(name = "created_by_name")
    public String createdByName;

    protected ReplyVersion() {
    }

    ReplyVersion(Reply reply, int number, ReplyContent content, OffsetDateTime now, String byId, String byName) {
        this.id = UUID.randomUUID();
        this.reply = reply;
        this.number = number;
        this.resultCategory = content.resultCategory();
        this.text = content.text();
        this.answers = content.answers();
        this.measuresTaken = content.measuresTaken();
        this.measuresPromised = content.measuresPromised();
        this.reflectedOpinions = content.reflectedOpinions();
        this.createdAt = now;
        this.createdById = byId;
        this.createdByName = byName;
    }

    public ReplyContent content() {
        return new ReplyContent(resultCategory, text, answers, measuresTaken, measuresPromised, reflectedOpinions);
    }
}
