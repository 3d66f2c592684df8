package org.proposals.assignment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.proposals.assignment.service.ResponsibilityService;

/** The responsible division and the four levels of the unit's responsibility chain, by person id. */
public record ResponsibilityRequest(
        @NotBlank @Size(max = 100) String divisionId,
        @NotBlank @Size(max = 100) String bureauHeadId,
        @NotBlank @Size(max = 100) String deputyHeadId,
        @NotBlank @Size(max = 100) String divisionHeadId,
        @NotBlank @Size(max = 100) String handlerId) {

    ResponsibilityService.Chain toChain() {
        return new ResponsibilityService.Chain(divisionId.strip(), bureauHeadId.strip(), deputyHeadId.strip(),
                divisionHeadId.strip(), handlerId.strip());
    }
}
