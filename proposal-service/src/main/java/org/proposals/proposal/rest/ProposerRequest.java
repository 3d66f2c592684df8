package org.proposals.proposal.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.proposals.proposal.ProposerType;
import org.proposals.proposal.service.NewProposal;

/**
 * A proposer: a member or deputy (id, name, 界别 or delegation, contact), or a group proposer (a party,
 * sector or special committee) with {@code type=GROUP} and its {@code groupKind}.
 */
public record ProposerRequest(
        ProposerType type,
        ProposerType.GroupKind groupKind,
        @NotBlank @Size(max = 100) String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String sector,
        @Size(max = 200) String contact) {

    NewProposal.ProposerDetails toDetails() {
        return new NewProposal.ProposerDetails(type, groupKind, id, name, sector, contact);
    }
}
