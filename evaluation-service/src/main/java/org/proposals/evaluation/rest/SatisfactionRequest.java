package org.proposals.evaluation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.events.SatisfactionRating;

/**
 * The body of a rating: the proposer's overall verdict on a formal reply, optionally the unit's attitude in
 * communication and the result on the same scale, and why.
 */
public record SatisfactionRequest(
        @NotNull SatisfactionRating rating,
        SatisfactionRating attitude,
        SatisfactionRating result,
        @Size(max = 2000) String comment) {
}
