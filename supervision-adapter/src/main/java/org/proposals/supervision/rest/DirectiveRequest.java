package org.proposals.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.proposals.supervision.ReceivedDirective;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A directive of the supervision office, as its system sends it.
 *
 * @param directiveId the supervision system's own id of the directive: sending it again is harmless
 * @param unitId      the unit directed; not for MARK_KEY
 * @param leaderName  for MARK_KEY: the city leader who supervises the proposal
 * @param dueDate     for PROGRESS_REPORT (report by) and EARLIER_DEADLINE (reply by)
 */
public record DirectiveRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*", message = "letters, digits and . _ : - only")
        @Schema(examples = "DB-2026-00017") String directiveId,
        @NotNull ReceivedDirective.Type type,
        @NotNull UUID proposalId,
        @Size(max = 100) String unitId,
        @Size(max = 100) String leaderName,
        @NotBlank @Size(max = 2000) String note,
        LocalDate dueDate) {
}
