package org.proposals.reply.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.reply.ExtensionRequest;
import org.proposals.reply.rest.ReplyBodies.ExtensionRequestBody;
import org.proposals.reply.service.ExtensionService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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

// one transaction per request: the change and the view of it (versions, reviews, consultations) see the same state
@Transactional
@Path("/api/v1/cases/{caseId}/extension-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Extensions", description = "A later reply deadline asked for from the case; the committee decides in assignment-service")
public class ExtensionRequestResource {

    @Inject
    ExtensionService extensions;

    @Inject
    CaseAccess access;

    /** An extension request as the API shows it. */
    public record ExtensionRequestView(UUID id, UUID caseId, String reason, LocalDate currentDue, LocalDate requestedDue,
                                       OffsetDateTime requestedAt, String requestedBy, ExtensionRequest.Status status,
                                       LocalDate grantedDue, String decisionNote, OffsetDateTime decidedAt) {

        static ExtensionRequestView of(ExtensionRequest r) {
            return new ExtensionRequestView(r.id, r.handlingCase.id, r.reason, r.currentDue, r.requestedDue, r.requestedAt,
                    r.requestedBy, r.status, r.grantedDue, r.decisionNote, r.decidedAt);
        }
    }

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The case's extension requests, newest first, with the committee's decisions")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    public List<ExtensionRequestView> list(@PathParam("caseId") UUID caseId) {
        access.visible(caseId);
        return extensions.ofCase(caseId).stream().map(ExtensionRequestView::of).toList();
    }

    @POST
    @RolesAllowed({HANDLER, DIVISION_HEAD})
    @Operation(summary = "Ask for a later reply deadline",
            description = "Before the deadline, with the reason; one pending request at a time. Announces ReplyExtensionRequested;"
                    + " assignment-service registers it under the same id and the committee grants or rejects it there.")
    @APIResponse(responseCode = "201", description = "Asked", content = @Content(schema = @Schema(implementation = ExtensionRequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a date not later than the current deadline")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    @APIResponse(responseCode = "409", description = "A co-handling or ended case, a reply already formal, the deadline passed,"
            + " or a request already pending")
    public Response request(@PathParam("caseId") UUID caseId, @NotNull @Valid ExtensionRequestBody body) {
        access.visible(caseId);
        return Response.status(Response.Status.CREATED)
                .entity(ExtensionRequestView.of(extensions.request(caseId, body.reason(), body.requestedDue()))).build();
    }
}
