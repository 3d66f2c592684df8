package org.proposals.assignment.rest;

import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.assignment.AdjustmentRequest;
import org.proposals.assignment.RequestStatus;
import org.proposals.assignment.service.AdjustmentService;
import org.proposals.assignment.service.UnitAssignment;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
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

@Path("/api/v1/adjustment-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Adjustment requests", description = "Units asking to be relieved of an assignment (退回/申请调整), and the committee's decisions")
public class AdjustmentRequestResource {

    @Inject
    AdjustmentService adjustments;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Adjustment requests, the committee's decision due first",
            description = "People of a handling unit see only their unit's requests.")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public org.proposals.kit.rest.Page<AdjustmentRequestView> list(@QueryParam("status") RequestStatus status,
                                                                  @QueryParam("unitId") String unitId,
                                                                  @QueryParam("assignmentId") UUID assignmentId,
                                                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = adjustments.list(status, Access.unitFilter(trace.actor(), unitId), assignmentId);
        return new org.proposals.kit.rest.Page<>(query.page(Page.of(page, size)).list().stream().map(AdjustmentRequestView::of).toList(),
                query.count(), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "One adjustment request")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = AdjustmentRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or another unit's")
    public AdjustmentRequestView get(@PathParam("id") UUID id) {
        AdjustmentRequest request = adjustments.get(id);
        if (!Access.seesUnit(trace.actor(), request.unitId)) {
            throw ApiProblem.notFound("Adjustment request", id);
        }
        return AdjustmentRequestView.of(request);
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Grant the request and name the units that take over",
            description = "The unit's assignment ends (AssignmentAdjusted); each unit named is assigned in its place with fresh "
                    + "clocks (ProposalAssigned). The units left must satisfy the assignment rules.")
    @APIResponse(responseCode = "200", description = "Granted", content = @Content(schema = @Schema(implementation = AdjustmentRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or the units left would break the assignment rules")
    @APIResponse(responseCode = "403", description = "Only the proposal committee decides")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided")
    public AdjustmentRequestView grant(@PathParam("id") UUID id, @NotNull @Valid ChangeRequestBodies.AdjustmentGrant body) {
        List<UnitAssignment> units = body.units() == null ? List.of() : body.units().stream()
                .map(AssignmentRequest.UnitRequest::toUnitAssignment).toList();
        return AdjustmentRequestView.of(adjustments.grant(id, body.note(), units));
    }

    @POST
    @Path("/{id}/rejection")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Refuse the request, saying why", description = "The unit keeps the assignment (AssignmentAdjustmentRejected).")
    @APIResponse(responseCode = "200", description = "Refused", content = @Content(schema = @Schema(implementation = AdjustmentRequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Only the proposal committee decides")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided")
    public AdjustmentRequestView reject(@PathParam("id") UUID id, @NotNull @Valid ChangeRequestBodies.Rejection body) {
        return AdjustmentRequestView.of(adjustments.reject(id, body.note()));
    }
}
