package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.evaluation.service.StatisticsService;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.security.Access;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Handling figures by unit and year")
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Handling figures of a unit, a year or both",
            description = "Handlings by type, sign-for, replies by result category and the proposers' ratings. "
                    + "The year is the one the proposals were submitted in; without a unit or year, all of them. "
                    + "People of a handling unit get their own unit's figures.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public StatisticsView getStatistics(@QueryParam("unitId") @Size(max = 100) String unitId,
                                        @QueryParam("year") @Min(1900) @Max(9999) Integer year) {
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        unit = Access.unitFilter(trace.actor(), unit);
        return StatisticsView.of(unit, year, statistics.statistics(unit, year));
    }
}
