package org.proposals.reply.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.Page;
import org.proposals.reply.repository.CaseRepository;

import static org.proposals.kit.security.Roles.PROPOSER;

// one transaction per request: the change and the view of it (versions, reviews, consultations) see the same state
@Transactional
@Path("/api/v1/proposer-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Proposer", description = "What a proposer sees of the units' handling of their proposals")
public class ProposerCaseResource {

    @Inject
    CaseRepository cases;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed(PROPOSER)
    @Operation(summary = "The caller's proposals as the units that reply to them handle them",
            description = "One entry per unit that replies (sole, lead, split), including the units handling a proposal the"
                    + " caller's was merged into: the draft put to them for comment and the formal replies. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of cases")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<ProposerCaseView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String proposerId = trace.actor().id();
        return new Page<>(cases.addressedTo(proposerId, page, size).stream().map(c -> ProposerCaseView.of(c, proposerId)).toList(),
                cases.countAddressedTo(proposerId), page, size);
    }
}
