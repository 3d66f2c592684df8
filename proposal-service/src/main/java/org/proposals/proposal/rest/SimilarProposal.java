package org.proposals.proposal.rest;

import org.proposals.events.ResultCategory;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalStatus;
import org.proposals.proposal.service.ProposalSearch;

import java.util.List;
import java.util.UUID;

/**
 * An earlier proposal like the one at hand, with how it was answered: the units that replied and the
 * result category each gave.
 */
public record SimilarProposal(UUID id, String number, int year, String title, ProposalStatus status, double score,
                              List<Reply> replies) {

    public record Reply(String unitId, String unitName, ResultCategory resultCategory) {
    }

    static SimilarProposal of(ProposalSearch.Similar similar) {
        Proposal p = similar.proposal();
        return new SimilarProposal(p.id, p.number, p.session.year, p.title, p.status,
                Math.round(similar.score() * 1000) / 1000.0,
                p.handlings.stream().filter(h -> h.resultCategory != null)
                        .map(h -> new Reply(h.unitId, h.unitName, h.resultCategory)).toList());
    }
}
