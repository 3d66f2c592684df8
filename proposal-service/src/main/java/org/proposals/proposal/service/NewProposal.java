package org.proposals.proposal.service;

import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.proposal.ProposerType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the committee registers.
 *
 * @param kind        null to take the session's kind; otherwise it must match it
 * @param submittedOn null for today
 * @param source      null to decide from the date: up to the end of the plenary meeting, or the recess
 * @param number      null to give the next number; an imported row keeps the number the committee gave it
 * @param importKey   identifies an imported row, null for a registration over the API
 */
public record NewProposal(
        UUID sessionId,
        ProposalKind kind,
        String title,
        String content,
        ProposerDetails proposer,
        List<ProposerDetails> coProposers,
        List<String> topics,
        List<String> keywords,
        LocalDate submittedOn,
        ProposalSource source,
        String number,
        String importKey) {

    /** A proposer as registered: for a group, {@code groupKind} says which kind and {@code sector} stays empty. */
    public record ProposerDetails(ProposerType type, ProposerType.GroupKind groupKind, String id, String name,
                                  String sector, String contact) {
    }

    /** The parts of a registration that may be corrected until the proposal is assigned. */
    public record Correction(String title, String content, ProposerDetails proposer, List<ProposerDetails> coProposers,
                             List<String> topics, List<String> keywords) {
    }
}
