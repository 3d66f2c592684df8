package org.proposals.proposal.rest;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.events.Proposer;
import org.proposals.events.Actor;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalStatus;
import org.proposals.proposal.service.NewProposal;
import org.proposals.proposal.service.ProposalService;

import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.PROPOSER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Registration of proposals and suggestions and their handling status")
public class ProposalResource {

    @Inject
    ProposalService proposals;

    @Inject
    RequestTrace trace;

    @POST
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Register a proposal or suggestion",
            description = "Gives it the next number of its kind in the year and announces it with ProposalSubmitted.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the proposal committee registers proposals")
    public Response submit(@NotNull @Valid ProposalRequest body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Proposal proposal = proposals.submit(new NewProposal(body.kind(), body.title(), body.content(),
                new Proposer(body.proposer().id().strip(), body.proposer().name().strip())));
        return Response.created(uri.getAbsolutePathBuilder().path(proposal.id.toString()).build())
                .entity(ProposalView.of(proposal))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One proposal with each unit's part in its handling",
            description = "A proposer sees only their own proposals; another's answers 404.")
    @APIResponse(responseCode = "200", description = "The proposal",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such proposal, or not the caller's")
    public ProposalView get(@PathParam("id") UUID id) {
        Proposal proposal = proposals.get(id);
        Actor actor = trace.actor();
        if (Access.isOnlyProposer(actor) && !proposal.proposerId.equals(actor.id())) {
            throw ApiProblem.notFound("Proposal", id);
        }
        return ProposalView.of(proposal);
    }

    @GET
    @RolesAllowed({PROPOSER, COMMITTEE, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Proposals, newest first, optionally by status or proposer",
            description = "A proposer's list holds only their own proposals.")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public Page<ProposalView> list(@QueryParam("status") ProposalStatus status,
                                   @QueryParam("proposerId") String proposerId,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (Access.isOnlyProposer(trace.actor())) {
            proposerId = trace.actor().id();
        }
        return new Page<>(proposals.list(status, proposerId, page, size).stream().map(ProposalView::of).toList(),
                proposals.count(status, proposerId), page, size);
    }
}
