package org.proposals.evaluation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.events.SatisfactionRating;

/** The body of a rating: the proposer's verdict on a formal reply and, optionally, why. */
public record SatisfactionRequest(
        @NotNull SatisfactionRating rating,
        @Size(max = 2000) String comment) {
}
