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
import org.hibernate.annotations.BatchSize;
import org.proposals.events.HandlingType;

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

    /** The responsible division and the four levels of people, as the unit's office recorded them; null until then. */
    @Column(name = "division_id")
    public String divisionId;

    @Column(name = "division_name")
    public String divisionName;

    @Column(name = "bureau_head_id")
    public String bureauHeadId;

    @Column(name = "bureau_head_name")
    public String bureauHeadName;

    @Column(name = "deputy_head_id")
    public String deputyHeadId;

    @Column(name = "deputy_head_name")
    public String deputyHeadName;

    @Column(name = "division_head_id")
    public String divisionHeadId;

    @Column(name = "division_head_name")
    public String divisionHeadName;

    @Column(name = "handler_id")
    public String handlerId;

    @Column(name = "handler_name")
    public String handlerName;

    @Column(name = "responsibility_at")
    public OffsetDateTime responsibilityAt;

    /** A key proposal (重点提案): the bureau head reviews the reply too, and a face-to-face contact is required. */
    @Column(name = "key_proposal")
    public boolean keyProposal;

    /** 1, then 2, 3 ... each time the proposal is reopened for re-handling. */
    @Column(name = "handling_round")
    public int handlingRound = 1;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "end_note")
    public String endNote;

    @Version
    public long version;

    // loaded for many parents at once when a list shows them, not one query per parent
    @BatchSize(size = 50)
    @OneToMany(mappedBy = "handlingCase", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("createdAt, id")
    public List<Reply> replies = new ArrayList<>();

    /** Whether the unit's office has recorded who answers for the case. */
    public boolean responsibilityRecorded() {
        return responsibilityAt != null;
    }

    /** Whether the person may act as the case's handler: the one named, or any handler of the unit until one is named. */
    public boolean isHandledBy(String personId) {
        return handlerId == null || handlerId.equals(personId);
    }

    /** Whether the unit still works on the case (its assignment did not end with an adjustment). */
    public boolean isLive() {
        return status != CaseStatus.ENDED;
    }

    public Optional<Reply> reply(UUID replyId) {
        return replies.stream().filter(r -> r.id.equals(replyId)).findFirst();
    }

    /** The reply the unit is working on (not yet formal), if any: a case has at most one at a time. */
    public Optional<Reply> replyInTheWorks() {
        return replies.stream().filter(r -> r.status.isInTheWorks()).findFirst();
    }

    public Reply startReply(ReplyPurpose purpose, OffsetDateTime now) {
        Reply reply = new Reply(this, purpose, now);
        replies.add(reply);
        return reply;
    }
}
