package org.proposals.assignment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.assignment.AssignableProposal;
import org.proposals.assignment.service.AssignmentService;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Roles;

import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1/assignable-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class AssignableProposalResource {

    @Inject
    AssignmentService assignments;

    public record AssignableProposalView(UUID id, String number, String title, String proposerName,
                                         OffsetDateTime submittedAt, AssignableProposal.Status status) {
        static AssignableProposalView of(AssignableProposal p) {
            return new AssignableProposalView(p.id, p.number, p.title, p.proposerName, p.submittedAt, p.status);
        }
    }

    @GET
    @RolesAllowed({Roles.COMMITTEE, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Registered proposals waiting to be assigned, oldest first")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<AssignableProposalView> awaiting(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return new Page<>(assignments.awaitingAssignment(page, size).stream().map(AssignableProposalView::of).toList(),
                assignments.countAwaitingAssignment(), page, size);
    }
}
