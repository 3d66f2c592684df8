package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.evaluation.service.ReadModelReplay;

import static org.proposals.kit.security.Roles.ADMIN;

@Path("/api/v1/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "Operating the figures built from the other services' events")
public class ReadModelResource {

    @Inject
    ReadModelReplay replay;

    @POST
    @Path("/replay")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rebuild the read model by replaying the topics from their beginning",
            description = "Empties the read model and applies every event of proposal.events, assignment.events and"
                    + " reply.events again, through the same handlers as the live consumer; the proposers' ratings are kept."
                    + " Figures are incomplete until it answers. No body.")
    @APIResponse(responseCode = "200", description = "Records read, events applied and skipped, and how long it took")
    public ReadModelReplay.Result replay() {
        return replay.replay();
    }
}
