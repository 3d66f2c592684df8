package org.proposals.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.proposals.events.NotFiledReason;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.events.SatisfactionRating;
import org.proposals.kit.rest.ApiProblem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A CPPCC proposal or an NPC deputy's suggestion, registered under a number in a session. Its own
 * decisions (filing, merging, withdrawal, reopening, closing) are taken here; its progress through the
 * units follows what the other services report.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public ProposalSession session;

    @Enumerated(EnumType.STRING)
    public ProposalKind kind;

    public String number;

    @Enumerated(EnumType.STRING)
    public ProposalSource source;

    public String title;

    public String content;

    /**
     * What search matches, as the literal of {@code SearchTerms.document}: written with the new row, so that a
     * registration writes it once. Never read back (the column is a tsvector for the database's search), and
     * rewritten by {@code ProposalSearch.index} when the texts are corrected.
     */
    @Column(name = "search_terms", updatable = false)
    @ColumnTransformer(read = "''", write = "CAST(? AS tsvector)")
    public String searchTerms;

    /** The lead proposer: a member (person id) or a group (its code, e.g. the party's). */
    @Column(name = "proposer_id")
    public String proposerId;

    @Column(name = "proposer_name")
    public String proposerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposer_type")
    public ProposerType proposerType;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposer_group")
    public ProposerType.GroupKind proposerGroup;

    /** 界别 of a member, delegation of a deputy. */
    @Column(name = "proposer_sector")
    public String proposerSector;

    @Column(name = "proposer_contact")
    public String proposerContact;

    @ElementCollection
    @CollectionTable(name = "proposal_co_proposer", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    public List<CoProposer> coProposers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "proposal_topic", joinColumns = @JoinColumn(name = "proposal_id"))
    @Column(name = "topic_code")
    @OrderBy
    public Set<String> topics = new LinkedHashSet<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> keywords = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public ProposalStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "not_filed_reason")
    public NotFiledReason notFiledReason;

    /** The reason given with the last decision: not filing, withdrawal, reopening. */
    @Column(name = "status_note")
    public String statusNote;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    public Proposal mergedInto;

    /** 1 for the first handling, 2 after the first reopening for re-handling, and so on. */
    @Column(name = "handling_round")
    public int handlingRound = 1;

    /** The date the proposal was put forward, which decides plenary or recess. */
    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Identifies the imported row this proposal came from, so that importing the same file again adds nothing. */
    @Column(name = "import_key")
    public String importKey;


    @Version
    public long version;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("unitId")
    public List<ProposalHandling> handlings = new ArrayList<>();

    public boolean isProposer(String personId) {
        return proposerId.equals(personId) || coProposers.stream().anyMatch(c -> c.personId.equals(personId));
    }

    public Optional<ProposalHandling> handlingBy(String unitId) {
        return handlings.stream().filter(h -> h.unitId.equals(unitId)).findFirst();
    }

    public ProposalHandling handlingByOrNew(String unitId) {
        return handlingBy(unitId).orElseGet(() -> {
            ProposalHandling handling = new ProposalHandling(this, unitId);
            handlings.add(handling);
            return handling;
        });
    }

    public boolean isEditable() {
        return ProposalStatus.BEFORE_ASSIGNMENT.contains(status);
    }

    // ---- the committee's and the proposer's decisions; each refuses with 409 in a status that forbids it

    public void file(OffsetDateTime now) {
        require(EnumSet.of(ProposalStatus.SUBMITTED), "filed");
        moveTo(ProposalStatus.FILED, null, now);
    }

    public void notFile(NotFiledReason reason, String note, OffsetDateTime now) {
        require(EnumSet.of(ProposalStatus.SUBMITTED), "refused filing");
        notFiledReason = reason;
        moveTo(ProposalStatus.NOT_FILED, note, now);
    }

    /** Merges this proposal into {@code target}, which is handled for both; merging into a merged one is refused. */
    public void mergeInto(Proposal target, OffsetDateTime now) {
        require(ProposalStatus.BEFORE_ASSIGNMENT, "merged");
        if (target.id.equals(id)) {
            throw ApiProblem.invalid("intoProposalId", "a proposal cannot be merged into itself");
        }
        if (!target.session.id.equals(session.id)) {
            throw ApiProblem.invalid("intoProposalId", "proposal " + target.number + " belongs to another session");
        }
        if (ProposalStatus.SETTLED.contains(target.status) || target.status == ProposalStatus.SUBMITTED) {
            throw ApiProblem.conflict("Proposal " + target.number + " is " + target.status
                    + ": proposals are merged only into a filed proposal that is still open");
        }
        mergedInto = target;
        moveTo(ProposalStatus.MERGED, null, now);
    }

    public void withdraw(String reason, OffsetDateTime now) {
        require(ProposalStatus.BEFORE_ASSIGNMENT, "withdrawn (only before it is assigned)");
        moveTo(ProposalStatus.WITHDRAWN, reason, now);
    }

    /** Statuses from which the committee reopens a proposal: every replying unit has replied. */
    private static final Set<ProposalStatus> REOPENABLE =
            EnumSet.of(ProposalStatus.REPLIED, ProposalStatus.EVALUATED, ProposalStatus.CLOSED);

    /**
     * Reopens the handling for the units named, or by default for those whose reply was rated unsatisfied
     * (or every replying unit if none was): their reply and rating are cleared for the new round.
     *
     * @return the units that handle it again
     */
    public List<String> reopen(Collection<String> unitIds, String reason, OffsetDateTime now) {
        require(REOPENABLE, "reopened");
        List<ProposalHandling> replying = handlings.stream().filter(ProposalHandling::owesReply).toList();
        List<ProposalHandling> again;
        if (unitIds != null && !unitIds.isEmpty()) {
            for (String unitId : unitIds) {
                if (replying.stream().noneMatch(h -> h.unitId.equals(unitId))) {
                    throw ApiProblem.invalid("unitIds", unitId + " gave no reply to the proposer on proposal " + number);
                }
            }
            again = replying.stream().filter(h -> unitIds.contains(h.unitId)).toList();
        } else {
            List<ProposalHandling> unsatisfied = replying.stream()
                    .filter(h -> h.rating == SatisfactionRating.UNSATISFIED).toList();
            again = unsatisfied.isEmpty() ? replying : unsatisfied;
        }
        return startRound(again, handlingRound + 1, reason, now);
    }

    /**
     * Why a proposer's unsatisfied rating of {@code replyId}, the unit's reply in round {@code ratedRound}, cannot
     * reopen the unit's handling; empty when it can. It cannot when the rated reply is no longer the unit's current
     * one (the unit was reopened already, by the committee or by an earlier request, or replied again), or when the
     * proposal is not in a status the committee could reopen it from (e.g. another unit has not replied yet); a
     * proposal reopened from that round already for other units takes the unit into the same round.
     */
    public Optional<String> whyNoRehandling(String unitId, UUID replyId, int ratedRound) {
        ProposalHandling handling = handlingBy(unitId).filter(ProposalHandling::owesReply).orElse(null);
        if (handling == null) {
            return Optional.of(unitId + " gives no reply to the proposer on proposal " + number);
        }
        if (!replyId.equals(handling.replyId)) {
            return Optional.of("reply " + replyId + " is no longer the current reply of " + unitId
                    + " (reopened already, or replied again)");
        }
        Set<ProposalStatus> allowed = EnumSet.copyOf(REOPENABLE);
        if (handlingRound > ratedRound) {
            allowed.add(ProposalStatus.IN_HANDLING);
        }
        if (!allowed.contains(status)) {
            return Optional.of("proposal " + number + " is " + status + ", not reopened from there");
        }
        return Optional.empty();
    }

    /**
     * Reopens the unit's handling after a proposer rated its reply of round {@code ratedRound} unsatisfied (check
     * {@link #whyNoRehandling} first): like the committee's reopening for that unit, in the next round; when the
     * proposal has been reopened from that round already for other units, the unit joins the current round.
     *
     * @return the unit, which handles it again
     */
    public List<String> reopenForRehandling(String unitId, int ratedRound, String reason, OffsetDateTime now) {
        if (handlingRound <= ratedRound) {
            return reopen(List.of(unitId), reason, now);
        }
        return startRound(handlingBy(unitId).stream().toList(), handlingRound, reason, now);
    }

    private List<String> startRound(List<ProposalHandling> again, int round, String reason, OffsetDateTime now) {
        again.forEach(ProposalHandling::startNewRound);
        handlingRound = round;
        status = ProposalStatus.IN_HANDLING;
        statusNote = reason;
        updatedAt = now;
        refreshStatus(now);
        return again.stream().map(h -> h.unitId).toList();
    }

    public void close(OffsetDateTime now) {
        require(EnumSet.of(ProposalStatus.REPLIED, ProposalStatus.EVALUATED), "closed (only once every reply is given)");
        moveTo(ProposalStatus.CLOSED, null, now);
    }

    /**
     * The status follows from what the units have done: in handling once a unit signed for it, replied once
     * every replying unit has replied, evaluated once each reply is rated. Settled proposals stay as they are:
     * an event that crosses a decision (e.g. an assignment made while the withdrawal was on its way) is kept
     * in the proposal's handling and timeline without undoing the decision.
     */
    public void refreshStatus(OffsetDateTime now) {
        updatedAt = now;
        if (ProposalStatus.SETTLED.contains(status) || handlings.isEmpty()) {
            return;
        }
        List<ProposalHandling> replying = handlings.stream().filter(ProposalHandling::owesReply).toList();
        ProposalStatus derived;
        if (!replying.isEmpty() && replying.stream().allMatch(h -> h.ratedAt != null)) {
            derived = ProposalStatus.EVALUATED;
        } else if (!replying.isEmpty() && replying.stream().allMatch(h -> h.repliedAt != null)) {
            derived = ProposalStatus.REPLIED;
        } else if (handlingRound > 1 || handlings.stream().anyMatch(h -> h.signedAt != null)) {
            derived = ProposalStatus.IN_HANDLING;
        } else {
            derived = ProposalStatus.ASSIGNED;
        }
        status = derived;
    }

    private void require(Set<ProposalStatus> allowed, String what) {
        if (!allowed.contains(status)) {
            throw ApiProblem.conflict("Proposal " + number + " is " + status + " and cannot be " + what
                    + "; allowed from " + allowed);
        }
    }

    private void moveTo(ProposalStatus next, String note, OffsetDateTime now) {
        status = next;
        statusNote = note;
        updatedAt = now;
    }
}
