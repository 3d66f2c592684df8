package org.proposals.reply.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;
import org.proposals.reply.service.CaseService;

import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Each unit's case file for an assigned proposal")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    RequestTrace trace;

    @Inject
    CaseAccess access;

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Case files, newest first, optionally by proposal or unit",
            description = "People of a handling unit see only their unit's case files.")
    @APIResponse(responseCode = "200", description = "A page of case files")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<CaseView> list(@QueryParam("proposalId") @Parameter(description = "Only the cases of this proposal") UUID proposalId,
                               @QueryParam("unitId") @Parameter(description = "Only the cases of this unit") String unitId,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        unitId = Access.unitFilter(trace.actor(), unitId);
        return new Page<>(cases.list(proposalId, unitId, page, size).stream().map(CaseView::of).toList(),
                cases.count(proposalId, unitId), page, size);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One case file with its replies")
    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return CaseView.of(access.visible(caseId));
    }
}
