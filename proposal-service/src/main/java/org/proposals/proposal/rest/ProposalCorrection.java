package org.proposals.proposal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.proposal.service.NewProposal;

import java.util.List;

/** A corrected registration, replacing title, content, proposers, topics and keywords as a whole. */
public record ProposalCorrection(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50_000) String content,
        @NotNull @Valid ProposerRequest proposer,
        @Size(max = 100) List<@NotNull @Valid ProposerRequest> coProposers,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> topics,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> keywords) {

    NewProposal.Correction toCorrection() {
        return new NewProposal.Correction(title, content, proposer.toDetails(),
                ProposalRequest.coProposerDetails(coProposers), topics, keywords);
    }
}
