package org.proposals.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.proposals.assignment.service.AssignmentService;
import org.proposals.assignment.service.UnitAssignment;
import org.proposals.events.HandlingType;

import java.util.List;
import java.util.UUID;

/**
 * The committee's decision: which units handle a proposal, and how. Units are named by id; their names come
 * from the master data, so {@code unitName} may be left out (when sent, it must be the unit's name or short name).
 */
public record AssignmentRequest(
        @NotNull UUID proposalId,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid UnitRequest> units) {

    /** The decision as the service takes it. */
    public AssignmentService.Decision decision() {
        return new AssignmentService.Decision(proposalId, units.stream().map(UnitRequest::toUnitAssignment).toList());
    }

    public record UnitRequest(
            @NotBlank @Size(max = 100) String unitId,
            @Size(max = 200) String unitName,
            @NotNull HandlingType handlingType) {

        /** The unit as the service checks it: a blank name is no name (the master data gives it). */
        public UnitAssignment toUnitAssignment() {
            return new UnitAssignment(unitId.strip(), unitName == null || unitName.isBlank() ? null : unitName.strip(), handlingType);
        }
    }
}
