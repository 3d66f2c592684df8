package org.proposals.reply.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.rest.Versions;
import org.proposals.reply.Reply;
import org.proposals.reply.rest.ReplyBodies.ConsultationAnswerRequest;
import org.proposals.reply.rest.ReplyBodies.DeliveryRequest;
import org.proposals.reply.rest.ReplyBodies.ReplyRequest;
import org.proposals.reply.rest.ReplyBodies.ReviewRequest;
import org.proposals.reply.service.QualityCheck;
import org.proposals.reply.service.ReplyService;

import java.util.List;
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

// one transaction per request: the change and the view of it (versions, reviews, consultations) see the same state
@Transactional
@Path("/api/v1/cases/{caseId}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Replies", description = "A unit's reply to the proposer: versions, quality rules, review chain, consultation,"
        + " formal reply and delivery")
public class ReplyResource {

    @Inject
    ReplyService replies;

    @Inject
    CaseAccess access;

    @POST
    @RolesAllowed(HANDLER)
    @Operation(summary = "Start the unit's reply for the current round (version 1)",
            description = "Only units that reply to the proposer (sole, lead, split); one reply in the works per case. Its purpose"
                    + " follows the case: INITIAL, REHANDLING after a reopening, FOLLOW_UP once a promised measure is done."
                    + " Once the responsibility chain names a handler, only they write the case's reply.")
    @APIResponse(responseCode = "201", description = "Drafted; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @APIResponse(responseCode = "403", description = "Not a handler, or not the handler the case names")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    @APIResponse(responseCode = "409", description = "A co-handling unit, an ended case, a reply already in the works, or the"
            + " round's formal reply already approved")
    public Response draft(@PathParam("caseId") UUID caseId, @NotNull @Valid ReplyRequest body, @Context UriInfo uri) {
        access.visible(caseId);
        Reply reply = replies.draft(caseId, body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(reply.id.toString()).build())
                .tag(Versions.etag(reply.version)).entity(ReplyView.of(reply)).build();
    }

    @GET
    @Path("/{replyId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One reply with every version, review decision and consultation")
    @APIResponse(responseCode = "200", description = "The reply; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    public Response get(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId) {
        access.visible(caseId);
        return withTag(replies.get(caseId, replyId));
    }

    @PUT
    @Path("/{replyId}")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Revise the reply: a new version, kept beside the earlier ones",
            description = "Allowed while it is a draft, returned, reviewed or consulted; the reply is a draft again and goes"
                    + " through review anew. Needs If-Match with the reply's ETag.")
    @APIResponse(responseCode = "200", description = "The reply with its new version",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "403", description = "Not the case's handler")
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    @APIResponse(responseCode = "409", description = "The reply is in review, in consultation or formal")
    @APIResponse(responseCode = "412", description = "If-Match does not match the reply's current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response revise(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ReplyRequest body) {
        access.visible(caseId);
        long expected = Versions.ifMatch(ifMatch, true);
        return withTag(replies.revise(caseId, replyId, expected, body.content()));
    }

    @GET
    @Path("/{replyId}/quality")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The quality rules as the current version stands",
            description = "Every rule with whether it passes and what it asks: the same checks a submission for review runs"
                    + " (reply.quality.* configures them).")
    @APIResponse(responseCode = "200", description = "One entry per rule")
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    public List<QualityCheck> quality(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId) {
        access.visible(caseId);
        return replies.quality(caseId, replyId);
    }

    @POST
    @Path("/{replyId}/submission")
    @RolesAllowed(HANDLER)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit the current version for review",
            description = "Runs the quality rules; the reply goes to the division head named in the case's responsibility"
                    + " chain (then the deputy head in charge, and the bureau head for a key proposal). Announces"
                    + " ReplySubmittedForReview. No body.")
    @APIResponse(responseCode = "200", description = "In review", content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "403", description = "Not the case's handler")
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    @APIResponse(responseCode = "409", description = "Not a draft or returned reply, or the responsibility chain names nobody"
            + " at a level the review needs")
    @APIResponse(responseCode = "422", description = "Quality rules failed; errors[] names each rule and what it asks")
    public ReplyView submit(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId) {
        access.visible(caseId);
        return ReplyView.of(replies.submit(caseId, replyId));
    }

    @POST
    @Path("/{replyId}/reviews")
    @RolesAllowed({DIVISION_HEAD, UNIT_LEADER})
    @Operation(summary = "Approve the reply at your level, or return it to the handler with comments",
            description = "Only the person the responsibility chain names at the reply's current level. The last level (the"
                    + " deputy head, or the bureau head for a key proposal) also decides disclosure: FULL, SUMMARY (the"
                    + " summary as disclosureNote) or NONE (the reason as disclosureNote).")
    @APIResponse(responseCode = "200", description = "The decision is recorded",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, a return without comments, or no disclosure decision at"
            + " the last level")
    @APIResponse(responseCode = "403", description = "Not the person whose turn it is")
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    @APIResponse(responseCode = "409", description = "The reply is not in review")
    public ReplyView review(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId,
                            @NotNull @Valid ReviewRequest body) {
        access.visible(caseId);
        return ReplyView.of(replies.review(caseId, replyId, new ReplyService.ReviewDecision(
                body.decision() == ReviewRequest.Decision.APPROVE, body.comments(), body.disclosure(), body.disclosureNote())));
    }

    @POST
    @Path("/{replyId}/consultation")
    @RolesAllowed(HANDLER)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Put the reviewed reply to the proposer for comment (先行征询意见)", description = "No body.")
    @APIResponse(responseCode = "200", description = "With the proposer", content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "403", description = "Not the case's handler")
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    @APIResponse(responseCode = "409", description = "The reply has not passed review")
    public ReplyView consult(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId) {
        access.visible(caseId);
        return ReplyView.of(replies.consult(caseId, replyId));
    }

    @POST
    @Path("/{replyId}/consultation/answer")
    @RolesAllowed({PROPOSER, HANDLER})
    @Operation(summary = "The proposer's answer to the consultation",
            description = "The proposer answers here; the handler may record an answer given another way, saying how"
                    + " (channel). Not agreeing needs comments; the unit then revises the reply or makes it formal as it stands.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = ProposerCaseView.ConsultationDraft.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, no comments with a disagreement, or no channel from the handler")
    @APIResponse(responseCode = "403", description = "Not the case's handler")
    @APIResponse(responseCode = "404", description = "No such case or reply, or not addressed to this proposer")
    @APIResponse(responseCode = "409", description = "The reply is not with the proposer")
    public ProposerCaseView.ConsultationDraft answer(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId,
                                                     @NotNull @Valid ConsultationAnswerRequest body) {
        access.visibleToItsProposer(caseId);
        Reply reply = replies.answerConsultation(caseId, replyId,
                new ReplyService.ConsultationAnswer(body.agrees(), body.comments(), body.channel()));
        return ProposerCaseView.ConsultationDraft.of(reply);
    }

    @POST
    @Path("/{replyId}/approval")
    @RolesAllowed(UNIT_LEADER)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sign the consulted reply as the unit's formal reply",
            description = "Only the signer the chain names: the deputy head in charge, or the bureau head for a key proposal."
                    + " The proposer must have answered the consultation, or had reply.consultation.answer-within working"
                    + " days to. Promised measures of a B or C reply become commitments. Announces ReplyApproved. No body.")
    @APIResponse(responseCode = "200", description = "The formal reply", content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "403", description = "Not the signer the case names")
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    @APIResponse(responseCode = "409", description = "The reply has not been put to the proposer, or they still have time to answer")
    public ReplyView approve(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId) {
        access.visible(caseId);
        return ReplyView.of(replies.approve(caseId, replyId));
    }

    @POST
    @Path("/{replyId}/delivery")
    @RolesAllowed({HANDLER, UNIT_OFFICE})
    @Operation(summary = "Record that the formal reply reached the proposer",
            description = "On which day and how: POST, EMAIL, IN_PERSON or PLATFORM. The proposers of proposals merged into"
                    + " this one receive it too. Announces ReplyDelivered.")
    @APIResponse(responseCode = "200", description = "Delivered", content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, an unknown channel, or a day before the approval or in the future")
    @APIResponse(responseCode = "404", description = "No such case or reply, or another unit's")
    @APIResponse(responseCode = "409", description = "The reply is not an approved formal reply")
    public ReplyView deliver(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId,
                             @NotNull @Valid DeliveryRequest body) {
        access.visible(caseId);
        return ReplyView.of(replies.deliver(caseId, replyId, body.deliveredOn(), body.channel()));
    }

    private static Response withTag(Reply reply) {
        return Response.ok(ReplyView.of(reply)).tag(Versions.etag(reply.version)).build();
    }
}
