package org.proposals.reply.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The lead unit stops waiting for one co-handling unit's opinion, and says why. */
public record WaiverRequest(
        @NotBlank @Size(max = 100) String unitId,
        @NotBlank @Size(max = 2_000) String reason) {
}
