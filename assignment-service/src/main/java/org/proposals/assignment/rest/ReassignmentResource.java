package org.proposals.assignment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.assignment.service.AssignmentService;
import org.proposals.assignment.service.DeadlineWatch;

import java.util.List;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;

@Path("/api/v1/reassignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class ReassignmentResource {

    /** The committee's re-assignment during the recess: why, and the units that take the proposal up. */
    public record Reassignment(@NotNull UUID proposalId, @NotBlank @Size(max = 2000) String reason,
                               @NotEmpty @Size(max = 30) List<AssignmentRequest.@NotNull @Valid UnitRequest> units) {
    }

    @Inject
    AssignmentService assignments;

    @Inject
    DeadlineWatch deadlines;

    @POST
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Re-assign a proposal during the recess (闭会期间重新交办)",
            description = "The units named take up an assigned proposal beside those still handling it, with the recess clocks "
                    + "from today (origin RECESS_REASSIGNMENT); each gets a ProposalAssigned. The proposal's units as a whole "
                    + "must still obey the assignment rules.")
    @APIResponse(responseCode = "201", description = "Re-assigned; the body lists the new assignments",
            content = @Content(schema = @Schema(implementation = AssignmentView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid body, an unknown or retired unit, or units that break the rules together")
    @APIResponse(responseCode = "403", description = "Only the proposal committee re-assigns")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "The proposal has not been assigned yet")
    public Response reassign(@NotNull @Valid Reassignment body) {
        List<AssignmentView> created = assignments.reassignInRecess(body.proposalId(), body.reason(),
                        body.units().stream().map(AssignmentRequest.UnitRequest::toUnitAssignment).toList())
                .stream().map(a -> AssignmentView.of(a, deadlines.light(a))).toList();
        return Response.status(201).entity(created).build();
    }
}
