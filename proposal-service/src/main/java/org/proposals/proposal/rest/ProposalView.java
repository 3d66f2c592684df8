package org.proposals.proposal.rest;

import org.proposals.events.HandlingType;
import org.proposals.events.NotFiledReason;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalHandling;
import org.proposals.proposal.ProposalStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A proposal as the API shows it, with each unit's part in its handling.
 *
 * @param mergedInto the proposal it was merged into, when merged
 * @param merged     the proposals merged into this one: they are handled with it and their proposers get its reply
 * @param version    the version to send back in If-Match (also the ETag)
 */
public record ProposalView(
        UUID id,
        ProposalKind kind,
        SessionRef session,
        String number,
        ProposalSource source,
        String title,
        String content,
        ProposerView proposer,
        List<ProposerView> coProposers,
        List<String> topics,
        List<String> keywords,
        ProposalStatus status,
        NotFiledReason notFiledReason,
        String statusNote,
        ProposalRef mergedInto,
        List<MergedProposal> merged,
        int handlingRound,
        LocalDate submittedOn,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        long version,
        List<UnitHandling> units) {

    public record SessionRef(UUID id, String name, int year) {
    }

    public record ProposalRef(UUID id, String number) {
    }

    public record MergedProposal(UUID id, String number, ProposerView proposer) {
    }

    public record UnitHandling(
            String unitId,
            String unitName,
            HandlingType handlingType,
            String leadUnitId,
            UUID assignmentId,
            OffsetDateTime assignedAt,
            OffsetDateTime signedAt,
            UUID replyId,
            ResultCategory resultCategory,
            OffsetDateTime repliedAt,
            SatisfactionRating rating) {

        static UnitHandling of(ProposalHandling h) {
            return new UnitHandling(h.unitId, h.unitName, h.handlingType, h.leadUnitId, h.assignmentId, h.assignedAt,
                    h.signedAt, h.replyId, h.resultCategory, h.repliedAt, h.rating);
        }
    }

    public static ProposalView of(Proposal p, List<Proposal> merged) {
        return new ProposalView(p.id, p.kind, new SessionRef(p.session.id, p.session.name, p.session.year), p.number,
                p.source, p.title, p.content, ProposerView.leadOf(p), p.coProposers.stream().map(ProposerView::of).toList(),
                List.copyOf(p.topics), List.copyOf(p.keywords), p.status, p.notFiledReason, p.statusNote,
                p.mergedInto == null ? null : new ProposalRef(p.mergedInto.id, p.mergedInto.number),
                merged.stream().map(m -> new MergedProposal(m.id, m.number, ProposerView.leadOf(m))).toList(),
                p.handlingRound, p.submittedOn, p.submittedAt, p.updatedAt, p.version,
                p.handlings.stream().map(UnitHandling::of).toList());
    }
}
