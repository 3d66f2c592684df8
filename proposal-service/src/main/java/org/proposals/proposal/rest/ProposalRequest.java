package org.proposals.proposal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.proposal.service.NewProposal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of a registration. The number is given by the service; {@code kind} may be left out (the
 * session decides it); {@code submittedOn} defaults to today and decides plenary or recess unless
 * {@code source} is given.
 */
public record ProposalRequest(
        @NotNull UUID sessionId,
        ProposalKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50_000) String content,
        @NotNull @Valid ProposerRequest proposer,
        @Size(max = 100) List<@NotNull @Valid ProposerRequest> coProposers,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> topics,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> keywords,
        @PastOrPresent LocalDate submittedOn,
        ProposalSource source) {

    NewProposal toNewProposal() {
        return new NewProposal(sessionId, kind, title, content, proposer.toDetails(), coProposerDetails(coProposers),
                topics, keywords, submittedOn, source, null, null);
    }

    static List<NewProposal.ProposerDetails> coProposerDetails(List<ProposerRequest> coProposers) {
        return coProposers == null ? List.of() : coProposers.stream().map(ProposerRequest::toDetails).toList();
    }
}
