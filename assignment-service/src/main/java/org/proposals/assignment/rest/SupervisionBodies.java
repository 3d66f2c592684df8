package org.proposals.assignment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.assignment.SupervisionDirective;

import java.time.LocalDate;
import java.util.UUID;

/** The bodies of the supervision office's requests, and of the units' answers to them. */
public final class SupervisionBodies {

    private SupervisionBodies() {
    }

    /** Marks a key proposal (重点提案) and names the city leader who supervises it. */
    public record KeyProposal(@NotBlank @Size(max = 200) String leaderName, @Size(max = 2000) String note) {
    }

    /**
     * @param directiveId the supervision system's own id for the directive, so that sending it again is harmless
     * @param dueDate     for PROGRESS_REPORT and EARLIER_DEADLINE
     */
    public record Directive(UUID directiveId, @NotNull SupervisionDirective.Type type, @NotBlank @Size(max = 2000) String note,
                            LocalDate dueDate) {
    }

    /** The unit's report on its progress, as a PROGRESS_REPORT directive asked for. */
    public record ProgressReport(@NotBlank @Size(max = 4000) String progress) {
    }
}
