package org.proposals.reply.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The proposer's answer to a logged contact; a dispute says what is wrong in the comment. */
public record ConfirmationRequest(
        @NotNull Boolean confirmed,
        @Size(max = 2_000) String comment) {
}
