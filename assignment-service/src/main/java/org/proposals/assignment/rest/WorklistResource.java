package org.proposals.assignment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.service.DeadlineWatch;
import org.proposals.assignment.service.Worklist;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.security.Access;

import java.util.List;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

@Path("/api/v1/worklist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class WorklistResource {

    /** The most items a bucket lists; its count is always the whole. */
    static final int MAX_ITEMS = 200;

    /** Each bucket with its count, so that a dashboard shows the figures and a list at once. */
    public record Bucket(int count, List<AssignmentView> items) {
    }

    public record WorklistView(Bucket toSign, Bucket awaitingAdjustment, Bucket inHandling, Bucket dueSoon, Bucket overdue) {
    }

    @Inject
    Worklist worklist;

    @Inject
    DeadlineWatch deadlines;

    @Inject
    RequestTrace trace;

    @GET
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "A worklist: to sign, awaiting an adjustment decision, in handling, due soon, overdue",
            description = "For a unit, and within it a division or a handler as the responsibility chain names them. People of a "
                    + "unit see their own unit's; the others choose a unit or see every unit's. Each bucket gives its count and at most "
                    + MAX_ITEMS + " items, the earliest reply first.")
    @APIResponse(responseCode = "200", description = "The worklist")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public WorklistView get(@QueryParam("unitId") @Size(max = 100) String unitId,
                            @Parameter(description = "The responsible division") @QueryParam("divisionId") @Size(max = 100) String divisionId,
                            @Parameter(description = "The handler named in the responsibility chain") @QueryParam("handlerId") @Size(max = 100) String handlerId) {
        Worklist.Work work = worklist.of(Access.unitFilter(trace.actor(), unitId), divisionId, handlerId);
        return new WorklistView(bucket(work.toSign()), bucket(work.awaitingAdjustment()), bucket(work.inHandling()),
                bucket(work.dueSoon()), bucket(work.overdue()));
    }

    private Bucket bucket(List<Assignment> assignments) {
        return new Bucket(assignments.size(), assignments.stream().limit(MAX_ITEMS).map(a -> AssignmentView.of(a, deadlines.light(a))).toList());
    }
}
