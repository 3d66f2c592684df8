package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.evaluation.Satisfaction;
import org.proposals.evaluation.service.SatisfactionService;
import org.proposals.events.Actor;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.security.Access;

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

@Path("/api/v1/replies/{replyId}/satisfaction")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Satisfaction", description = "The proposers' ratings of formal replies")
public class SatisfactionResource {

    @Inject
    SatisfactionService satisfactions;

    @Inject
    RequestTrace trace;

    @POST
    @RolesAllowed(PROPOSER)
    @Operation(summary = "Record the proposer's rating of a formal reply",
            description = "A reply is rated once. Announces the rating with SatisfactionRecorded.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SatisfactionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only proposers rate replies")
    @APIResponse(responseCode = "404", description = "No approved reply with this id addressed to the caller is known here (yet)")
    @APIResponse(responseCode = "409", description = "The reply has already been rated, or its proposal is not known here yet")
    public Response recordSatisfaction(@PathParam("replyId") UUID replyId, @NotNull @Valid SatisfactionRequest body,
                                       @jakarta.ws.rs.core.Context UriInfo uri) {
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        Satisfaction satisfaction = satisfactions.record(replyId, trace.actor().id(), body.rating(), comment);
        return Response.created(uri.getAbsolutePath())
                .entity(SatisfactionView.of(satisfaction))
                .build();
    }

    @GET
    @RolesAllowed({PROPOSER, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The rating of a formal reply",
            description = "Visible to the proposer who gave it, the rated unit's people and the overseeing bodies.")
    @APIResponse(responseCode = "200", description = "The rating",
            content = @Content(schema = @Schema(implementation = SatisfactionView.class)))
    @APIResponse(responseCode = "404", description = "The reply has not been rated, or the rating is not the caller's to see")
    public SatisfactionView getSatisfaction(@PathParam("replyId") UUID replyId) {
        Satisfaction satisfaction = satisfactions.get(replyId);
        Actor actor = trace.actor();
        boolean visible = Access.isOnlyProposer(actor) ? satisfaction.proposerId.equals(actor.id())
                : Access.seesUnit(actor, satisfaction.unitId);
        if (!visible) {
            throw ApiProblem.notFound("Rating of reply", replyId);
        }
        return SatisfactionView.of(satisfaction);
    }
}
