package org.proposals.reply.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.security.Access;
import org.proposals.reply.CoHandlingOpinion;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.service.CaseService;
import org.proposals.reply.service.OpinionService;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Co-handling opinions", description = "Co-handling units' opinions (会办意见) for the lead unit; never shown to the proposer")
public class OpinionResource {

    @Inject
    CaseService cases;

    @Inject
    OpinionService opinions;

    @Inject
    RequestTrace trace;

    @POST
    @Path("/opinion")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Submit the co-handling unit's opinion to the lead unit",
            description = "From the co-handling unit's own case, by its handler: the handler named in the responsibility"
                    + " chain once it is recorded (any other handler of the unit gets 403), any handler of the unit until"
                    + " then. One opinion per case. The case becomes OPINION_SUBMITTED and CoHandlingOpinionSubmitted"
                    + " is announced; the lead unit's case need not be open yet.")
    @APIResponse(responseCode = "201", description = "Submitted; Location is the opinion as the case shows it",
            content = @Content(schema = @Schema(implementation = OpinionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (text missing or longer than 20 000 characters,"
            + " a blank or too long suggestion); errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only a handler submits opinions; once the chain is recorded,"
            + " only the named handler")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    @APIResponse(responseCode = "409", description = "The case is not a co-handling case, ended with an adjustment,"
            + " or already has its opinion (submitted or waived by the lead unit)")
    public Response submit(@PathParam("caseId") UUID caseId, @NotNull @Valid OpinionRequest body, @Context UriInfo uri) {
        visible(caseId);
        CoHandlingOpinion opinion = opinions.submit(caseId, trace.actor(), body.text(), body.suggestions());
        HandlingCase coCase = cases.get(caseId);
        return Response.created(opinionUri(uri, caseId, opinion.id))
                .entity(OpinionView.of(opinions.shownOn(coCase, opinion.id)))
                .build();
    }

    @GET
    @Path("/opinions")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The co-handling opinions of a case",
            description = "On a LEAD case: one entry per live co-handling case of the proposal that sends its opinion"
                    + " to this unit, PENDING (with its due date: the co-handling case's opening day plus"
                    + " reply.opinions.due-within), SUBMITTED (with the text) or WAIVED (with the reason). On a"
                    + " CO_HANDLING case: its own opinion only. Other cases: none. Proposers never see opinions.")
    @APIResponse(responseCode = "200", description = "The opinions, by unit",
            content = @Content(schema = @Schema(implementation = OpinionView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Proposers do not see co-handling opinions")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    public List<OpinionView> list(@PathParam("caseId") UUID caseId) {
        return opinions.shownOn(visible(caseId)).stream().map(OpinionView::of).toList();
    }

    @GET
    @Path("/opinions/{opinionId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One submitted or waived co-handling opinion, as the case shows it")
    @APIResponse(responseCode = "200", description = "The opinion",
            content = @Content(schema = @Schema(implementation = OpinionView.class)))
    @APIResponse(responseCode = "403", description = "Proposers do not see co-handling opinions")
    @APIResponse(responseCode = "404", description = "No such case, another unit's, or no such opinion shown on it")
    public OpinionView get(@PathParam("caseId") UUID caseId, @PathParam("opinionId") UUID opinionId) {
        return OpinionView.of(opinions.shownOn(visible(caseId), opinionId));
    }

    @POST
    @Path("/opinions/waivers")
    @RolesAllowed(DIVISION_HEAD)
    @Operation(summary = "Stop waiting for a co-handling unit's opinion",
            description = "On the lead unit's LEAD case, by its division head: the one named in the responsibility chain"
                    + " once it is recorded (any other division head gets 403), any division head of the unit until"
                    + " then. The opinion shows as WAIVED with the reason; the co-handling unit can no longer submit.")
    @APIResponse(responseCode = "201", description = "Waived; Location is the waiver as the lead case shows it",
            content = @Content(schema = @Schema(implementation = OpinionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (unitId or reason missing, reason longer than"
            + " 2 000 characters); errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only a division head waives opinions; once the chain is recorded,"
            + " only the named division head")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    @APIResponse(responseCode = "409", description = "The case is not a live LEAD case, the unit is not a live"
            + " co-handling unit of the proposal under this lead unit, or its opinion is already submitted or waived")
    public Response waive(@PathParam("caseId") UUID caseId, @NotNull @Valid WaiverRequest body, @Context UriInfo uri) {
        visible(caseId);
        CoHandlingOpinion waiver = opinions.waive(caseId, trace.actor(), body.unitId(), body.reason());
        return Response.created(opinionUri(uri, caseId, waiver.id))
                .entity(OpinionView.of(opinions.shownOn(cases.get(caseId), waiver.id)))
                .build();
    }

    private static URI opinionUri(UriInfo uri, UUID caseId, UUID opinionId) {
        return uri.getBaseUriBuilder().path("api/v1/cases").path(caseId.toString()).path("opinions")
                .path(opinionId.toString()).build();
    }

    /** The case file, if the caller may see it; another unit's answers 404 as if it did not exist. */
    private HandlingCase visible(UUID caseId) {
        HandlingCase handlingCase = cases.get(caseId);
        if (!Access.seesUnit(trace.actor(), handlingCase.unitId)) {
            throw ApiProblem.notFound("Case", caseId);
        }
        return handlingCase;
    }
}
