package org.proposals.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of a unit's requests to change an assignment and of the committee's decisions on them. */
public final class ChangeRequestBodies {

    private ChangeRequestBodies() {
    }

    /** 退回/申请调整: why the unit should not handle it, and who should, if the unit knows. */
    public record Adjustment(@NotBlank @Size(max = 2000) String reason, @Size(max = 100) String suggestedUnitId) {
    }

    public record Extension(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate requestedDue) {
    }

    /** The units that take the proposal over in the requesting unit's place; none if the others suffice. */
    public record AdjustmentGrant(@Size(max = 2000) String note,
                                  @Size(max = 30) List<AssignmentRequest.@NotNull @Valid UnitRequest> units) {
    }

    /** {@code grantedDue}: an earlier date than asked for, or none to grant the date asked for. */
    public record ExtensionGrant(@Size(max = 2000) String note, LocalDate grantedDue) {
    }

    /** A refusal always says why. */
    public record Rejection(@NotBlank @Size(max = 2000) String note) {
    }
}
