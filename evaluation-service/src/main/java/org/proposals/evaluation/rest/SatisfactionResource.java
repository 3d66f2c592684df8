package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
    @Operation(summary = "Record a proposer's rating of a formal reply",
            description = "Each proposer the reply was delivered to (a merged proposal's proposer too) rates each handling "
                    + "round once: overall, and optionally the unit's attitude in communication and the result. A rating "
                    + "after the window (evaluation.rating.window working days from delivery) is accepted and flagged "
                    + "late. Announced with SatisfactionRecorded; an UNSATISFIED overall rating also asks for the unit's "
                    + "re-handling with RehandlingRequested (once per round).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SatisfactionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only proposers rate replies")
    @APIResponse(responseCode = "404", description = "No approved reply with this id addressed to the caller is known here (yet)")
    @APIResponse(responseCode = "409", description = "The reply has not been delivered yet, is a follow-up reply (rated with "
            + "its round's formal reply), or the caller has already rated this round")
    public Response recordSatisfaction(@PathParam("replyId") UUID replyId, @NotNull @Valid SatisfactionRequest body,
                                       @jakarta.ws.rs.core.Context UriInfo uri) {
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        Satisfaction satisfaction = satisfactions.record(replyId, trace.actor().id(),
                new SatisfactionService.Verdict(body.rating(), body.attitude(), body.result(), comment));
        return Response.created(uri.getAbsolutePath())
                .entity(SatisfactionView.of(satisfaction))
                .build();
    }

    @GET
    @RolesAllowed({PROPOSER, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "A rating of a formal reply",
            description = "A reply delivered to several proposers (a merged proposal's too) may have several ratings. "
                    + "A proposer gets their own. The rated unit's people and the overseeing bodies get the one of "
                    + "proposerId when given, else the earliest.")
    @APIResponse(responseCode = "200", description = "The rating",
            content = @Content(schema = @Schema(implementation = SatisfactionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    @APIResponse(responseCode = "404", description = "The reply has not been rated (by that proposer), or the rating is not the caller's to see")
    public SatisfactionView getSatisfaction(@PathParam("replyId") UUID replyId,
                                            @QueryParam("proposerId") @Size(max = 100) String proposerId) {
        Actor actor = trace.actor();
        String rater = Access.isOnlyProposer(actor) ? actor.id() : blankToNull(proposerId);
        Satisfaction satisfaction = satisfactions.ofReply(replyId).stream()
                .filter(s -> rater == null || s.proposerId.equals(rater))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Rating of reply", replyId));
        if (!Access.isOnlyProposer(actor) && !Access.seesUnit(actor, satisfaction.unitId)) {
            throw ApiProblem.notFound("Rating of reply", replyId);
        }
        return SatisfactionView.of(satisfaction);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
