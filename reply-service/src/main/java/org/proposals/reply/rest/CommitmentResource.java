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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.reply.Commitment;
import org.proposals.reply.rest.ReplyBodies.FulfilmentRequest;
import org.proposals.reply.service.CommitmentService;

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
@Path("/api/v1/cases/{caseId}/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments", description = "Measures promised in formal B and C replies, and the second reply once they are done")
public class CommitmentResource {

    @Inject
    CommitmentService commitments;

    @Inject
    CaseAccess access;

    /** A promised measure as the API shows it. */
    public record CommitmentView(UUID id, UUID caseId, UUID proposalId, String unitId, UUID replyId, String description,
                                 LocalDate dueDate, Commitment.Status status, OffsetDateTime fulfilledAt, String fulfilledBy,
                                 UUID measureId, String note) {

        static CommitmentView of(Commitment c) {
            return new CommitmentView(c.id, c.handlingCase.id, c.handlingCase.proposalId, c.handlingCase.unitId, c.replyId,
                    c.description, c.dueDate, c.status, c.fulfilledAt, c.fulfilledBy, c.measureId, c.note);
        }
    }

    @GET
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "The case's promised measures")
    @APIResponse(responseCode = "200", description = "The commitments, earliest due first")
    @APIResponse(responseCode = "404", description = "No such case, or another unit's")
    public List<CommitmentView> ofCase(@PathParam("caseId") UUID caseId) {
        access.visible(caseId);
        return commitments.ofCase(caseId).stream().map(CommitmentView::of).toList();
    }

    @POST
    @Path("/{commitmentId}/fulfilment")
    @RolesAllowed({HANDLER, DIVISION_HEAD})
    @Operation(summary = "Report a promised measure done",
            description = "Optionally names the register's work measure that did it. The case then asks for the second reply"
                    + " (status FOLLOW_UP_DUE), written and reviewed like the first. Announces CommitmentFulfilled.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a work measure not linked to this case")
    @APIResponse(responseCode = "404", description = "No such case or commitment, or another unit's")
    @APIResponse(responseCode = "409", description = "Already reported done, or the case ended")
    public CommitmentView fulfil(@PathParam("caseId") UUID caseId, @PathParam("commitmentId") UUID commitmentId,
                                 @NotNull @Valid FulfilmentRequest body) {
        access.visible(caseId);
        return CommitmentView.of(commitments.fulfil(caseId, commitmentId, body.measureId(), body.note()));
    }
}
