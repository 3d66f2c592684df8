package org.proposals.proposal.service;

import org.proposals.events.ProposalKind;
import org.proposals.events.Proposer;

/** What the committee registers. */
public record NewProposal(ProposalKind kind, String title, String content, Proposer proposer) {
}
