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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.events.Actor;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;
import org.proposals.reply.ContactRecord;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.service.CaseService;
import org.proposals.reply.service.ContactService;
import org.proposals.reply.service.NewContact;

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

@Path("/api/v1/cases/{caseId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The unit's contacts with the proposer, confirmed or disputed by the proposer")
public class ContactResource {

    @Inject
    CaseService cases;

    @Inject
    ContactService contacts;

    @Inject
    RequestTrace trace;

    @POST
    @RolesAllowed({HANDLER, DIVISION_HEAD})
    @Operation(summary = "Log a contact with the proposer",
            description = "By the case's handler (the one named in the responsibility chain once it is recorded, any"
                    + " handler of the unit until then; another handler gets 403) or a division head of the unit, on any"
                    + " handling type. contactedAt may not lie in the future nor before the day the case opened."
                    + " faceToFace defaults to true for VISIT, SYMPOSIUM and FACE_TO_FACE, false otherwise."
                    + " Announces ContactRecorded.")
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (unknown channel, contactedAt missing, in the future"
            + " or before the case opened, no participants, summary missing or longer than 10 000 characters);"
            + " errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only a handler or a division head logs contacts; once the chain is"
            + " recorded, among handlers only the named one")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    @APIResponse(responseCode = "409", description = "The case ended with an adjustment")
    public Response record(@PathParam("caseId") UUID caseId, @NotNull @Valid ContactRequest body, @Context UriInfo uri) {
        HandlingCase handlingCase = cases.get(caseId);
        if (!Access.seesUnit(trace.actor(), handlingCase.unitId)) {
            throw ApiProblem.notFound("Case", caseId);
        }
        ContactRecord record = contacts.record(caseId, trace.actor(), new NewContact(body.channel(), body.contactedAt(),
                body.participants(), body.summary(), body.faceToFace()));
        return Response.created(uri.getAbsolutePathBuilder().path(record.id.toString()).build())
                .entity(ContactView.of(record))
                .build();
    }

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, PROPOSER})
    @Operation(summary = "The contacts logged on a case, newest first, each with the proposer's answer",
            description = "For the unit's people, those who oversee every unit, and the case's proposer.")
    @APIResponse(responseCode = "200", description = "A page of contacts")
    @APIResponse(responseCode = "400", description = "Invalid page or size")
    @APIResponse(responseCode = "404", description = "No such case, another unit's, or (for a proposer) not their case")
    public Page<ContactView> list(@PathParam("caseId") UUID caseId,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        visible(caseId);
        return new Page<>(contacts.list(caseId, page, size).stream().map(ContactView::of).toList(),
                contacts.count(caseId), page, size);
    }

    @GET
    @Path("/{contactId}")
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, PROPOSER})
    @Operation(summary = "One contact of a case, with the proposer's answer")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "404", description = "No such case or contact, another unit's, or (for a proposer) not"
            + " their case")
    public ContactView get(@PathParam("caseId") UUID caseId, @PathParam("contactId") UUID contactId) {
        visible(caseId);
        return ContactView.of(contacts.contact(caseId, contactId));
    }

    @POST
    @Path("/{contactId}/confirmation")
    @RolesAllowed(PROPOSER)
    @Operation(summary = "The proposer confirms or disputes a logged contact",
            description = "Only the case's proposer, once per contact. A dispute needs a comment saying what is wrong;"
                    + " a disputed contact no longer counts for the unit. Announces ContactConfirmed or ContactDisputed.")
    @APIResponse(responseCode = "200", description = "The contact with the answer",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (confirmed missing, a dispute without comment, a"
            + " comment longer than 2 000 characters); errors[] names each field")
    @APIResponse(responseCode = "403", description = "Only a proposer answers contacts")
    @APIResponse(responseCode = "404", description = "No such case or contact, or not the caller's case")
    @APIResponse(responseCode = "409", description = "The contact was already confirmed or disputed")
    public ContactView answer(@PathParam("caseId") UUID caseId, @PathParam("contactId") UUID contactId,
                              @NotNull @Valid ConfirmationRequest body) {
        HandlingCase handlingCase = cases.get(caseId);
        if (!isProposerOf(trace.actor(), handlingCase)) {
            throw ApiProblem.notFound("Case", caseId);
        }
        return ContactView.of(contacts.answer(caseId, contactId, trace.actor(), body.confirmed(), body.comment()));
    }

    /** The case, if the caller may see its contacts: the unit's people, overseers and the case's proposer; 404 for others. */
    private HandlingCase visible(UUID caseId) {
        HandlingCase handlingCase = cases.get(caseId);
        Actor actor = trace.actor();
        if (!Access.seesUnit(actor, handlingCase.unitId) && !isProposerOf(actor, handlingCase)) {
            throw ApiProblem.notFound("Case", caseId);
        }
        return handlingCase;
    }

    private static boolean isProposerOf(Actor actor, HandlingCase handlingCase) {
        return actor.hasRole(PROPOSER) && actor.id() != null && actor.id().equals(handlingCase.proposerId);
    }
}
