package org.proposals.reply.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A co-handling unit's opinion for the lead unit, with optional suggestions. */
public record OpinionRequest(
        @NotBlank @Size(max = 20_000) String text,
        @Size(max = 50) List<@NotBlank @Size(max = 2_000) String> suggestions) {
}
