package org.proposals.reply.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;
import org.proposals.reply.Commitment;
import org.proposals.reply.rest.CommitmentResource.CommitmentView;
import org.proposals.reply.service.CommitmentService;

import java.time.LocalDate;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Transactional
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments")
public class CommitmentListResource {

    @Inject
    CommitmentService commitments;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Promised measures, earliest due first",
            description = "People of a handling unit see only their unit's. dueBefore with status=OPEN lists those overdue.")
    @APIResponse(responseCode = "200", description = "A page of commitments")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<CommitmentView> list(@QueryParam("unitId") String unitId,
                                     @QueryParam("status") @Parameter(description = "OPEN or FULFILLED") Commitment.Status status,
                                     @QueryParam("dueBefore") LocalDate dueBefore,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        unitId = Access.unitFilter(trace.actor(), unitId);
        return new Page<>(commitments.list(unitId, status, dueBefore, page, size).stream().map(CommitmentView::of).toList(),
                commitments.count(unitId, status, dueBefore), page, size);
    }
}
