package org.proposals.proposal.rest;

import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalHandling;
import org.proposals.proposal.ProposalStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A proposal as the API shows it, with each unit's part in its handling. */
public record ProposalView(
        UUID id,
        ProposalKind kind,
        String number,
        String title,
        String content,
        Proposer proposer,
        ProposalStatus status,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        long version,
        List<UnitHandling> units) {

    public record UnitHandling(
            String unitId,
            String unitName,
            HandlingType handlingType,
            UUID assignmentId,
            OffsetDateTime assignedAt,
            UUID replyId,
            ResultCategory resultCategory,
            OffsetDateTime repliedAt,
            SatisfactionRating rating) {

        static UnitHandling of(ProposalHandling h) {
            return new UnitHandling(h.unitId, h.unitName, h.handlingType, h.assignmentId, h.assignedAt,
                    h.replyId, h.resultCategory, h.repliedAt, h.rating);
        }
    }

    public static ProposalView of(Proposal p) {
        return new ProposalView(p.id, p.kind, p.number, p.title, p.content, new Proposer(p.proposerId, p.proposerName),
                p.status, p.submittedAt, p.updatedAt, p.version, p.handlings.stream().map(UnitHandling::of).toList());
    }
}
