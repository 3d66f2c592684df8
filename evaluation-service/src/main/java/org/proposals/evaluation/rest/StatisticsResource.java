package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
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
import org.proposals.evaluation.StatisticsDimension;
import org.proposals.evaluation.repository.StatisticsRepository;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.Page;
import org.proposals.kit.time.CityClock;
import org.proposals.kit.security.Access;

import java.util.List;
import java.util.UUID;

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
@Tag(name = "Statistics", description = "Handling figures by unit, year and session, breakdowns for dashboards, overdue items")
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @Inject
    RequestTrace trace;

    @Inject
    StatisticsRepository figures;

    @Inject
    CityClock clock;

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

    @GET
    @Path("/breakdown")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Handling figures grouped by one dimension, for dashboards",
            description = "by = UNIT, HANDLING_TYPE, STATUS, RESULT_CATEGORY, TOPIC, SESSION or MONTH (of assignment). Per group:"
                    + " handlings and proposals, replies owed, given and given on time, sign-for on time, co-handling opinions"
                    + " given and on time, ratings and the satisfied share, and items open past their deadline. Handlings"
                    + " ended by an adjustment count only under STATUS. People of a handling unit get their own unit.")
    @APIResponse(responseCode = "200", description = "One row per group, ordered by key")
    @APIResponse(responseCode = "400", description = "Invalid query parameter (e.g. an unknown dimension)")
    public List<StatisticsRepository.Row> breakdown(@QueryParam("by") @NotNull StatisticsDimension by,
                                                    @QueryParam("unitId") @Size(max = 100) String unitId,
                                                    @QueryParam("year") @Min(1900) @Max(9999) Integer year,
                                                    @QueryParam("sessionId") UUID sessionId) {
        return figures.breakdown(by, scope(unitId, year, sessionId), clock.today(), clock.zone().getId());
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Items past their deadline and not done, the longest overdue first",
            description = "A reply not approved by its (extended) deadline, or a co-handling opinion not given by its own."
                    + " People of a handling unit get their own unit's.")
    @APIResponse(responseCode = "200", description = "A page of overdue items")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<StatisticsRepository.Overdue> overdue(@QueryParam("unitId") @Size(max = 100) String unitId,
                                                      @QueryParam("year") @Min(1900) @Max(9999) Integer year,
                                                      @QueryParam("sessionId") UUID sessionId,
                                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        StatisticsRepository.Scope scope = scope(unitId, year, sessionId);
        return new Page<>(figures.overdue(scope, clock.today(), page, size),
                figures.countOverdue(scope, clock.today()), page, size);
    }

    private StatisticsRepository.Scope scope(String unitId, Integer year, UUID sessionId) {
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        return new StatisticsRepository.Scope(Access.unitFilter(trace.actor(), unit), year, sessionId);
    }
}
