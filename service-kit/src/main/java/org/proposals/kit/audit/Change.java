package org.proposals.kit.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field of a record before and after a state change; {@code before} is null for a new record. */
@Schema(name = "AuditChange", description = "A field's value before and after the change")
public record Change(
        @Schema(description = "The value before the change; null for a new record") Object before,
        @Schema(description = "The value after the change") Object after) {
}
