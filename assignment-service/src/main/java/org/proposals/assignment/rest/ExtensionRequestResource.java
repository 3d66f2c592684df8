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
import org.proposals.assignment.ExtensionRequest;
import org.proposals.assignment.RequestStatus;
import org.proposals.assignment.service.ExtensionService;
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

@Path("/api/v1/extension-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Extension requests", description = "Units asking for a later reply deadline, and the committee's decisions")
public class ExtensionRequestResource {

    @Inject
    ExtensionService extensions;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Extension requests, oldest first",
            description = "People of a handling unit see only their unit's requests.")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public org.proposals.kit.rest.Page<ExtensionRequestView> list(@QueryParam("status") RequestStatus status,
                                                                  @QueryParam("unitId") String unitId,
                                                                  @QueryParam("assignmentId") UUID assignmentId,
                                                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = extensions.list(status, Access.unitFilter(trace.actor(), unitId), assignmentId);
        return new org.proposals.kit.rest.Page<>(query.page(Page.of(page, size)).list().stream().map(ExtensionRequestView::of).toList(),
                query.count(), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "One extension request")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = ExtensionRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or another unit's")
    public ExtensionRequestView get(@PathParam("id") UUID id) {
        ExtensionRequest request = extensions.get(id);
        if (!Access.seesUnit(trace.actor(), request.unitId)) {
            throw ApiProblem.notFound("Extension request", id);
        }
        return ExtensionRequestView.of(request);
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Grant the extension",
            description = "To the date asked for, or to an earlier grantedDue; never past the original deadline plus the cap (ExtensionGranted).")
    @APIResponse(responseCode = "200", description = "Granted", content = @Content(schema = @Schema(implementation = ExtensionRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a date before the current or past the capped deadline")
    @APIResponse(responseCode = "403", description = "Only the proposal committee decides")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided")
    public ExtensionRequestView grant(@PathParam("id") UUID id, @NotNull @Valid ChangeRequestBodies.ExtensionGrant body) {
        return ExtensionRequestView.of(extensions.grant(id, body.note(), body.grantedDue()));
    }

    @POST
    @Path("/{id}/rejection")
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Refuse the request, saying why", description = "The reply stays due when it was (ExtensionRejected).")
    @APIResponse(responseCode = "200", description = "Refused", content = @Content(schema = @Schema(implementation = ExtensionRequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Only the proposal committee decides")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided")
    public ExtensionRequestView reject(@PathParam("id") UUID id, @NotNull @Valid ChangeRequestBodies.Rejection body) {
        return ExtensionRequestView.of(extensions.reject(id, body.note()));
    }
}
