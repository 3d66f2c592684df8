package org.proposals.reply.rest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.Reply;
import org.proposals.reply.service.CaseService;
import org.proposals.reply.service.NewReply;

import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Each unit's case file for an assigned proposal and its reply to the proposer")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Case files, newest first, optionally by proposal or unit",
            description = "People of a handling unit see only their unit's case files.")
    @APIResponse(responseCode = "200", description = "A page of case files")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<CaseView> list(@QueryParam("proposalId") @Parameter(description = "Only the cases of this proposal") UUID proposalId,
                               @QueryParam("unitId") @Parameter(description = "Only the cases of this unit") String unitId,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        unitId = Access.unitFilter(trace.actor(), unitId);
        return new Page<>(cases.list(proposalId, unitId, page, size).stream().map(CaseView::of).toList(),
                cases.count(proposalId, unitId), page, size);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One case file with its replies")
    @APIResponse(responseCode = "200", description = "The case file",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return CaseView.of(visible(caseId));
    }

    @POST
    @Path("/{caseId}/replies")
    @RolesAllowed(HANDLER)
    @Operation(summary = "Draft the unit's reply to the proposer",
            description = "Only units that reply to the proposer (sole, lead, split) may, until their formal reply is"
                    + " approved. The text must reach the configured minimum length (reply.quality.min-length).")
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (missing or unknown result category, text too"
            + " short or too long); errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only a handler drafts replies")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    @APIResponse(responseCode = "409", description = "The unit does not reply to the proposer (co-handling), or the"
            + " case already has an approved reply")
    public Response draftReply(@PathParam("caseId") UUID caseId, @NotNull @Valid ReplyRequest body,
                               @jakarta.ws.rs.core.Context UriInfo uri) {
        visible(caseId);
        Reply reply = cases.draftReply(caseId, new NewReply(body.resultCategory(), body.text()));
        return Response.created(uri.getAbsolutePathBuilder().path(reply.id.toString()).build())
                .entity(ReplyView.of(reply))
                .build();
    }

    @GET
    @Path("/{caseId}/replies/{replyId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "One reply of a case")
    @APIResponse(responseCode = "200", description = "The reply",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or no such reply in it")
    public ReplyView reply(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId) {
        visible(caseId);
        return ReplyView.of(cases.reply(caseId, replyId));
    }

    @POST
    @Path("/{caseId}/replies/{replyId}/approval")
    @RolesAllowed({DIVISION_HEAD, UNIT_LEADER})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve a draft as the formal reply",
            description = "Marks the reply approved and the case replied, and announces ReplyApproved. No body.")
    @APIResponse(responseCode = "200", description = "The approved reply",
            content = @Content(schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or no such reply in it")
    @APIResponse(responseCode = "403", description = "Only a division head or a unit leader approves replies")
    @APIResponse(responseCode = "409", description = "The reply is not a draft, or the case already has an approved reply")
    public ReplyView approve(@PathParam("caseId") UUID caseId, @PathParam("replyId") UUID replyId) {
        visible(caseId);
        return ReplyView.of(cases.approve(caseId, replyId));
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
