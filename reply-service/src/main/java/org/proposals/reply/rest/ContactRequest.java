package org.proposals.reply.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.reply.ContactChannel;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A contact with the proposer; faceToFace defaults to true for VISIT, SYMPOSIUM and FACE_TO_FACE, false otherwise.
 */
public record ContactRequest(
        @NotNull ContactChannel channel,
        @NotNull OffsetDateTime contactedAt,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> participants,
        @NotBlank @Size(max = 10_000) String summary,
        Boolean faceToFace) {
}
