package org.proposals.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.evaluation.PendingRating;
import org.proposals.evaluation.service.SatisfactionService;
import org.proposals.events.Actor;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.PROPOSER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/ratings/pending")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Satisfaction", description = "The proposers' ratings of formal replies")
public class PendingRatingResource {

    @Inject
    SatisfactionService satisfactions;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({PROPOSER, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER, COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM})
    @Operation(summary = "Delivered replies awaiting a rating",
            description = "One item per delivered formal reply and proposer who has not rated its round yet (follow-up "
                    + "replies open no rating), with the end of the rating window and whether it has passed: a passed "
                    + "window is a missing rating. Soonest window end first. People of a handling unit get their own "
                    + "unit's; a proposer gets their own; the overseeing bodies every unit's, or unitId's.")
    @APIResponse(responseCode = "200", description = "A page of pending ratings: {items, total, page, size}")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<PendingRating> pending(@QueryParam("unitId") @Size(max = 100) String unitId,
                                       @QueryParam("overdueOnly") @DefaultValue("false") boolean overdueOnly,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Actor actor = trace.actor();
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        String proposer = null;
        if (Access.isOnlyProposer(actor)) {
            proposer = actor.id();
        } else {
            unit = Access.unitFilter(actor, unit);
        }
        return satisfactions.pending(unit, proposer, overdueOnly, page, size);
    }
}
