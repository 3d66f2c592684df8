package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A unit's case file for one assignment: what it has to do about one proposal, and its replies. */
@Entity
@Table(name = "handling_case")
public class HandlingCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "proposal_title")
    public String proposalTitle;

    @Column(name = "proposer_id")
    public String proposerId;

    @Column(name = "proposer_name")
    public String proposerName;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "unit_name")
    public String unitName;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_type")
    public HandlingType handlingType;

    /** The unit a co-handling unit sends its opinion to; null for the other handling types. */
    @Column(name = "lead_unit_id")
    public String leadUnitId;

    @Column(name = "reply_due_date")
    public LocalDate replyDueDate;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "handlingCase", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("createdAt, id")
    public List<Reply> replies = new ArrayList<>();

    public Optional<Reply> reply(UUID replyId) {
        return replies.stream().filter(r -> r.id.equals(replyId)).findFirst();
    }

    public Reply addDraft(ResultCategory resultCategory, String text, OffsetDateTime now) {
        Reply reply = new Reply(this, resultCategory, text, now);
        replies.add(reply);
        return reply;
    }

    /** The reply becomes the formal reply and the case is done. */
    public void approve(Reply reply, OffsetDateTime now) {
        reply.status = ReplyStatus.APPROVED;
        reply.approvedAt = now;
        status = CaseStatus.REPLIED;
    }
}
