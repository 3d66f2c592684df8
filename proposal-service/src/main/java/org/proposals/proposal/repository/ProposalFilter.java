package org.proposals.proposal.repository;

import org.proposals.events.ProposalKind;
import org.proposals.proposal.ProposalStatus;

import java.util.List;
import java.util.UUID;

/**
 * What a list of proposals is narrowed to; null or empty parts do not narrow it.
 *
 * @param proposerId  the lead proposer or a co-proposer
 * @param unitId      a unit the proposal was assigned to, as the assignment events reported
 * @param searchQuery a tsquery literal built from the caller's words, see {@code SearchTerms}
 */
public record ProposalFilter(
        UUID sessionId,
        Integer year,
        ProposalKind kind,
        List<ProposalStatus> statuses,
        List<String> topics,
        String proposerId,
        String unitId,
        String searchQuery) {
}
