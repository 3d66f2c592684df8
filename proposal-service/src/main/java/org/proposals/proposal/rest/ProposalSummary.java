package org.proposals.proposal.rest;

import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A proposal in a list: enough to choose it, without its content. */
public record ProposalSummary(
        UUID id,
        ProposalKind kind,
        UUID sessionId,
        int year,
        String number,
        ProposalSource source,
        String title,
        ProposerView proposer,
        int coProposerCount,
        List<String> topics,
        ProposalStatus status,
        LocalDate submittedOn,
        OffsetDateTime updatedAt,
        List<Unit> units) {

    public record Unit(String unitId, String unitName, HandlingType handlingType) {
    }

    static ProposalSummary of(Proposal p) {
        return new ProposalSummary(p.id, p.kind, p.session.id, p.session.year, p.number, p.source, p.title,
                ProposerView.leadOf(p), p.coProposers.size(), List.copyOf(p.topics), p.status, p.submittedOn, p.updatedAt,
                p.handlings.stream().map(h -> new Unit(h.unitId, h.unitName, h.handlingType)).toList());
    }
}
