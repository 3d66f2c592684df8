package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.evaluation.EvaluationAdjustment;
import org.proposals.evaluation.PointsSheet;
import org.proposals.evaluation.service.EvaluationAdjustmentService;
import org.proposals.evaluation.service.PointsSheetService;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.security.Access;

import java.math.BigDecimal;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/evaluations/{unitId}/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "A unit's performance points sheet (绩效评价) for a year, and the office's adjustments")
public class EvaluationResource {

    @Inject
    PointsSheetService sheets;

    @Inject
    EvaluationAdjustmentService adjustments;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "A unit's points sheet for the proposals submitted in a year",
            description = "Per criterion (on-time sign-for, co-handling opinions, contact rate, face-to-face rate, on-time"
                    + " replies, first-round satisfaction, satisfaction after re-handling, commitments kept): the points it is"
                    + " worth, the score, the figure (met of counted, percent) and every deduction with the proposal and the"
                    + " events that caused it (DeadlineMissed event ids, satisfaction ids, contact ids, commitment ids). Then"
                    + " the office's adjustments (withdrawn ones marked, not counted), the total and the maximum. People of a"
                    + " handling unit see their own unit's sheet.")
    @APIResponse(responseCode = "200", description = "The sheet",
            content = @Content(schema = @Schema(implementation = PointsSheet.class)))
    @APIResponse(responseCode = "400", description = "Invalid unit id or year")
    @APIResponse(responseCode = "403", description = "Proposers see no points sheets")
    @APIResponse(responseCode = "404", description = "The unit has no handlings on that year's proposals, or it is another unit's sheet")
    public PointsSheet getSheet(@PathParam("unitId") @Size(max = 100) String unitId,
                                @PathParam("year") @Min(1900) @Max(9999) int year) {
        requireSees(unitId, year);
        return sheets.sheet(unitId, year).orElseThrow(() -> noSheet(unitId, year));
    }

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMMITTEE)
    @Operation(summary = "Add points to or take points off a unit's sheet, with the reason",
            description = "The office's adjustment (加减分): points between -100 and 100, at most two decimals, not 0, and a"
                    + " reason. Listed on the sheet and counted in the total; audited. Never edited: withdraw it instead.")
    @APIResponse(responseCode = "201", description = "Added; Location names the adjustment",
            content = @Content(schema = @Schema(implementation = PointsSheet.Adjustment.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (points missing, 0, out of range or with more than two"
            + " decimals; reason missing or blank); errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only the committee adjusts points sheets")
    @APIResponse(responseCode = "404", description = "The unit has no handlings on that year's proposals")
    public Response addAdjustment(@PathParam("unitId") @Size(max = 100) String unitId,
                                  @PathParam("year") @Min(1900) @Max(9999) int year,
                                  @NotNull @Valid AdjustmentRequest body, @Context UriInfo uri) {
        if (body.points().compareTo(BigDecimal.ZERO) == 0) {
            throw ApiProblem.invalid("points", "must not be 0");
        }
        if (sheets.total(unitId, year).isEmpty()) {
            throw noSheet(unitId, year);
        }
        EvaluationAdjustment added = adjustments.add(unitId, year, body.points(), body.reason().strip(), trace.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(added.id.toString()).build())
                .entity(PointsSheet.Adjustment.of(added)).build();
    }

    @GET
    @Path("/adjustments/{adjustmentId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One adjustment of a unit's sheet, withdrawn or not")
    @APIResponse(responseCode = "200", description = "The adjustment",
            content = @Content(schema = @Schema(implementation = PointsSheet.Adjustment.class)))
    @APIResponse(responseCode = "400", description = "Invalid unit id, year or adjustment id")
    @APIResponse(responseCode = "403", description = "Proposers see no points sheets")
    @APIResponse(responseCode = "404", description = "No such adjustment of this unit's sheet of that year, or another unit's")
    public PointsSheet.Adjustment getAdjustment(@PathParam("unitId") @Size(max = 100) String unitId,
                                                @PathParam("year") @Min(1900) @Max(9999) int year,
                                                @PathParam("adjustmentId") UUID adjustmentId) {
        if (!Access.seesUnit(trace.actor(), unitId)) {
            throw ApiProblem.notFound("Adjustment", adjustmentId);
        }
        return adjustments.find(unitId, year, adjustmentId).map(PointsSheet.Adjustment::of)
                .orElseThrow(() -> ApiProblem.notFound("Adjustment", adjustmentId));
    }

    @DELETE
    @Path("/adjustments/{adjustmentId}")
    @RolesAllowed(COMMITTEE)
    @Operation(summary = "Withdraw an adjustment, with the reason",
            description = "The adjustment stays on the sheet, marked withdrawn with who, when and why, and no longer counts"
                    + " in the total; audited.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = PointsSheet.Adjustment.class)))
    @APIResponse(responseCode = "400", description = "reason missing or blank, or an invalid path parameter")
    @APIResponse(responseCode = "403", description = "Only the committee adjusts points sheets")
    @APIResponse(responseCode = "404", description = "No such adjustment of this unit's sheet of that year")
    @APIResponse(responseCode = "409", description = "The adjustment was withdrawn already")
    public PointsSheet.Adjustment withdrawAdjustment(@PathParam("unitId") @Size(max = 100) String unitId,
                                                     @PathParam("year") @Min(1900) @Max(9999) int year,
                                                     @PathParam("adjustmentId") UUID adjustmentId,
                                                     @QueryParam("reason") @Parameter(description = "Why it is withdrawn", required = true)
                                                     @NotBlank @Size(max = 2000) String reason) {
        return PointsSheet.Adjustment.of(adjustments.withdraw(unitId, year, adjustmentId, reason.strip(), trace.actor()));
    }

    private void requireSees(String unitId, int year) {
        if (!Access.seesUnit(trace.actor(), unitId)) {
            throw noSheet(unitId, year);
        }
    }

    private static ApiProblem noSheet(String unitId, int year) {
        return ApiProblem.notFound("Points sheet of unit", unitId + " for " + year);
    }
}
