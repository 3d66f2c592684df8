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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.assignment.service.SupervisionService;

import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/key-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision", description = "Key proposals supervised by city leaders, and the supervision office's directives")
public class KeyProposalResource {

    @Inject
    SupervisionService supervision;

    @GET
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Key proposals (重点提案), most recently marked first")
    @APIResponse(responseCode = "200", description = "A page of key proposals")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public org.proposals.kit.rest.Page<SupervisionViews.KeyProposal> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = supervision.keyProposals();
        return new org.proposals.kit.rest.Page<>(query.page(Page.of(page, size)).list().stream().map(SupervisionViews.KeyProposal::of).toList(),
                query.count(), page, size);
    }

    @PUT
    @Path("/{proposalId}")
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN})
    @Operation(summary = "Mark a key proposal supervised by a named city leader (市领导重点督办)",
            description = "Announced with ProposalSupervised; marking it again changes the leader or the note. The supervision "
                    + "system marks key proposals through the supervision adapter, not here.")
    @APIResponse(responseCode = "200", description = "Marked")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "403", description = "Only the committee and the supervision office's people mark key proposals")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "The proposal was not filed, merged or withdrawn")
    public SupervisionViews.KeyProposal mark(@PathParam("proposalId") UUID proposalId,
                                             @NotNull @Valid SupervisionBodies.KeyProposal body) {
        return SupervisionViews.KeyProposal.of(supervision.markKey(proposalId, body.leaderName(), body.note()));
    }
}
