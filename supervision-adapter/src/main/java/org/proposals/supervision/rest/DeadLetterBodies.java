package org.proposals.supervision.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an operator sends about a dead letter. */
public final class DeadLetterBodies {

    private DeadLetterBodies() {
    }

    /**
     * @param body the corrected status report; its reportId, sequence, type, occurredAt and proposal id stay as they were
     * @param note why it is resent
     */
    public record Resend(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT) JsonNode body,
                         @Size(max = 2000) String note) {
    }

    public record Discard(@NotBlank @Size(max = 2000) String reason) {
    }
}
