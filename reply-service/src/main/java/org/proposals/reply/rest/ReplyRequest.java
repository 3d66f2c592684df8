package org.proposals.reply.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.events.ResultCategory;

/** The body of a draft reply; the minimum length of the text is a review rule (reply.quality.min-length). */
public record ReplyRequest(
        @NotNull ResultCategory resultCategory,
        @NotBlank @Size(max = 20_000) String text) {
}
