package org.proposals.proposal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.events.ProposalKind;

/** The body of a registration. */
public record ProposalRequest(
        @NotNull ProposalKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50_000) String content,
        @NotNull @Valid ProposerRequest proposer) {

    public record ProposerRequest(@NotBlank @Size(max = 100) String id, @NotBlank @Size(max = 100) String name) {
    }
}
