package org.proposals.proposal.rest;

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
import org.proposals.kit.rest.Page;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalStatus;
import org.proposals.proposal.service.NewProposal;
import org.proposals.proposal.service.ProposalService;

import java.util.UUID;

@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Registration of proposals and suggestions and their handling status")
public class ProposalResource {

    @Inject
    ProposalService proposals;

    @POST
    @Operation(summary = "Register a proposal or suggestion",
            description = "Gives it the next number of its kind in the year and announces it with ProposalSubmitted.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    public Response submit(@NotNull @Valid ProposalRequest body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Proposal proposal = proposals.submit(new NewProposal(body.kind(), body.title(), body.content(),
                new Proposer(body.proposer().id().strip(), body.proposer().name().strip())));
        return Response.created(uri.getAbsolutePathBuilder().path(proposal.id.toString()).build())
                .entity(ProposalView.of(proposal))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One proposal with each unit's part in its handling")
    @APIResponse(responseCode = "200", description = "The proposal",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    public ProposalView get(@PathParam("id") UUID id) {
        return ProposalView.of(proposals.get(id));
    }

    @GET
    @Operation(summary = "Proposals, newest first, optionally by status or proposer")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<ProposalView> list(@QueryParam("status") ProposalStatus status,
                                   @QueryParam("proposerId") String proposerId,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return new Page<>(proposals.list(status, proposerId, page, size).stream().map(ProposalView::of).toList(),
                proposals.count(status, proposerId), page, size);
    }
}
