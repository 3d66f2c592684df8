package org.proposals.assignment.rest;

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
import jakarta.ws.rs.PUT;
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
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.service.AdjustmentService;
import org.proposals.assignment.service.AssignmentService;
import org.proposals.assignment.service.DeadlineWatch;
import org.proposals.assignment.service.ResponsibilityService;
import org.proposals.assignment.service.SupervisionService;
import org.proposals.assignment.service.ExtensionService;
import org.proposals.assignment.Assignment;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.security.Access;

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

@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Which units handle a proposal, how, and by when")
public class AssignmentResource {

    @Inject
    AssignmentService assignments;

    @Inject
    AdjustmentService adjustments;

    @Inject
    ExtensionService extensions;

    @Inject
    DeadlineWatch deadlines;

    @Inject
    SupervisionService supervision;

    @Inject
    ResponsibilityService responsibility;

    @Inject
    RequestTrace trace;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Assign a proposal to its handling units",
            description = "One request for all units of a proposal; each unit gets a ProposalAssigned event.")
    @APIResponse(responseCode = "201", description = "Assigned; the body lists the new assignments",
            content = @Content(schema = @Schema(implementation = AssignmentView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid body, a combination of handling types the rules forbid, "
            + "or a unit that is not recorded or is retired")
    @APIResponse(responseCode = "403", description = "Only the proposal committee assigns")
    @APIResponse(responseCode = "404", description = "The proposal is not registered (or not yet known here)")
    @APIResponse(responseCode = "409", description = "The proposal is already assigned")
    public Response assign(@NotNull @Valid AssignmentRequest body, @Context UriInfo uri) {
        AssignmentService.Decision decision = body.decision();
        List<AssignmentView> created = assignments.assign(decision.proposalId(), decision.units())
                .stream().map(this::view).toList();
        return Response.created(uri.getAbsolutePathBuilder().queryParam("proposalId", body.proposalId()).build())
                .entity(created)
                .build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMMITTEE, ADMIN})
    @Operation(summary = "Assign many proposals at once",
            description = "The assignment meeting after a session: up to " + AssignmentBatchRequest.MAX_PROPOSALS
                    + " proposals, each with its units as in a single assignment, and a ProposalAssigned for every unit. "
                    + "All of them are assigned or none is; a refusal names the item at fault (assignments[i]).")
    @APIResponse(responseCode = "200", description = "Assigned; the body lists the new assignments, in the order of the request",
            content = @Content(schema = @Schema(implementation = AssignmentView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid body, a proposal listed twice, a combination of handling "
            + "types the rules forbid, or a unit that is not recorded or is retired")
    @APIResponse(responseCode = "403", description = "Only the proposal committee assigns")
    @APIResponse(responseCode = "404", description = "A proposal is not registered (or not yet known here)")
    @APIResponse(responseCode = "409", description = "A proposal is already assigned, or not filed")
    public List<AssignmentView> assignAll(@NotNull @Valid AssignmentBatchRequest body) {
        return assignments.assignAll(body.decisions()).stream().map(this::view).toList();
    }

    @GET
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Assignments, optionally of one proposal, one unit or in one status",
            description = "People of a handling unit see only their unit's assignments.")
    @APIResponse(responseCode = "200", description = "A page of assignments")
    @APIResponse(responseCode = "400", description = "Invalid query parameter")
    public Page<AssignmentView> list(@QueryParam("proposalId") UUID proposalId,
                                     @QueryParam("unitId") String unitId,
                                     @QueryParam("status") AssignmentStatus status,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        unitId = Access.unitFilter(trace.actor(), unitId);
        return new Page<>(assignments.list(proposalId, unitId, status, page, size).stream().map(this::view).toList(),
                assignments.count(proposalId, unitId, status), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "One assignment with its due dates")
    @APIResponse(responseCode = "200", description = "The assignment",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "404", description = "No such assignment, or another unit's")
    public AssignmentView get(@PathParam("id") UUID id) {
        return view(visible(id));
    }

    @POST
    @Path("/{id}/sign-for")
    @RolesAllowed(UNIT_OFFICE)
    @Operation(summary = "Sign for an assignment (签收)", description = "Recorded as late after the sign-for due date.")
    @APIResponse(responseCode = "200", description = "Signed for",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "403", description = "Only a unit's office signs for its assignments")
    @APIResponse(responseCode = "404", description = "No such assignment, or another unit's")
    @APIResponse(responseCode = "409", description = "Already signed for")
    public AssignmentView signFor(@PathParam("id") UUID id) {
        visible(id);
        return view(assignments.signFor(id));
    }

    @POST
    @Path("/{id}/adjustment-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(UNIT_OFFICE)
    @Operation(summary = "Ask to be relieved of the assignment or to have it changed (退回/申请调整)",
            description = "By the unit's office, with a reason, within the adjustment window and before signing for it; the "
                    + "committee decides by the decision due date (AssignmentAdjustmentRequested).")
    @APIResponse(responseCode = "201", description = "Requested",
            content = @Content(schema = @Schema(implementation = AdjustmentRequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Only a unit's office asks")
    @APIResponse(responseCode = "404", description = "No such assignment, or another unit's")
    @APIResponse(responseCode = "409", description = "Signed for already, the window closed, or a request is pending")
    public Response requestAdjustment(@PathParam("id") UUID id, @NotNull @Valid ChangeRequestBodies.Adjustment body,
                                      @Context UriInfo uri) {
        visible(id);
        AdjustmentRequestView request = AdjustmentRequestView.of(adjustments.request(id, body.reason(), body.suggestedUnitId()));
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/adjustment-requests").path(request.id().toString()).build())
                .entity(request).build();
    }

    @POST
    @Path("/{id}/extension-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(UNIT_OFFICE)
    @Operation(summary = "Ask for a later reply deadline",
            description = "By the unit's office, with a reason, before the deadline; never past the original deadline plus the cap "
                    + "(ExtensionRequested).")
    @APIResponse(responseCode = "201", description = "Requested",
            content = @Content(schema = @Schema(implementation = ExtensionRequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or a date before the current or past the capped deadline")
    @APIResponse(responseCode = "403", description = "Only a unit's office asks")
    @APIResponse(responseCode = "404", description = "No such assignment, or another unit's")
    @APIResponse(responseCode = "409", description = "The deadline has passed, the assignment ended, or a request is pending")
    public Response requestExtension(@PathParam("id") UUID id, @NotNull @Valid ChangeRequestBodies.Extension body,
                                     @Context UriInfo uri) {
        visible(id);
        ExtensionRequestView request = ExtensionRequestView.of(extensions.request(id, body.reason(), body.requestedDue()));
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/extension-requests").path(request.id().toString()).build())
                .entity(request).build();
    }

    @PUT
    @Path("/{id}/responsibility")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(UNIT_OFFICE)
    @Operation(summary = "Record who answers for the assignment in the unit (四级办理机制)",
            description = "The responsible division and, by person id, the bureau head, the deputy head in charge, the division "
                    + "head and the handler: each active in the unit in that position, the last two in that division. "
                    + "Announced with ResponsibilityAssigned; recording it again replaces it.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "A person or the division does not fit; errors[] names each")
    @APIResponse(responseCode = "403", description = "Only a unit's office records it")
    @APIResponse(responseCode = "404", description = "No such assignment, or another unit's")
    @APIResponse(responseCode = "409", description = "The assignment ended with an adjustment")
    public AssignmentView assignResponsibility(@PathParam("id") UUID id, @NotNull @Valid ResponsibilityRequest body) {
        visible(id);
        return view(responsibility.assign(id, body.toChain()));
    }

    @POST
    @Path("/{id}/directives")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({SUPERVISOR, ADMIN})
    @Operation(summary = "Issue a supervision directive to the unit",
            description = "URGE (督办), PROGRESS_REPORT by dueDate, or EARLIER_DEADLINE: the reply is due on dueDate instead. "
                    + "Announced with SupervisionDirectiveIssued. Sent again with the same directiveId, it changes nothing and "
                    + "answers 200 with the directive first issued. The supervision system sends its directives through the "
                    + "supervision adapter, not here.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Directive.class)))
    @APIResponse(responseCode = "200", description = "Issued before under the same directiveId",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Directive.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a due date in the past or not earlier than the deadline")
    @APIResponse(responseCode = "403", description = "Only the supervision office's people issue directives here")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "The assignment is no longer open, or the directive id belongs to another")
    public Response issueDirective(@PathParam("id") UUID id, @NotNull @Valid SupervisionBodies.Directive body) {
        SupervisionService.Issued issued = supervision.issue(id,
                new SupervisionService.NewDirective(body.directiveId(), body.type(), body.note(), body.dueDate()));
        return Response.status(issued.created() ? 201 : 200).entity(SupervisionViews.Directive.of(issued.directive())).build();
    }

    @GET
    @Path("/{id}/directives")
    @RolesAllowed({COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM, UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "The supervision office's directives about the assignment, oldest first")
    @APIResponse(responseCode = "200", description = "The directives")
    @APIResponse(responseCode = "404", description = "No such assignment, or another unit's")
    public List<SupervisionViews.Directive> directives(@PathParam("id") UUID id) {
        visible(id);
        return supervision.directives(id).stream().map(SupervisionViews.Directive::of).toList();
    }

    @POST
    @Path("/{id}/directives/{directiveId}/progress-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER})
    @Operation(summary = "Report the unit's progress, as a PROGRESS_REPORT directive asked (进展情况报告)",
            description = "By the unit's people, once per directive; recorded as late after the directive's due date. "
                    + "Announced with ProgressReportSubmitted, which the supervision adapter passes on to the supervision system.")
    @APIResponse(responseCode = "200", description = "Reported; the body is the directive with the report",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Directive.class)))
    @APIResponse(responseCode = "400", description = "No progress given, or more than 4000 characters")
    @APIResponse(responseCode = "403", description = "Only the unit's people report its progress")
    @APIResponse(responseCode = "404", description = "No such assignment, or another unit's; no such directive about this assignment")
    @APIResponse(responseCode = "409", description = "The directive asks for no progress report, or the progress was reported already")
    public SupervisionViews.Directive reportProgress(@PathParam("id") UUID id, @PathParam("directiveId") UUID directiveId,
                                                    @NotNull @Valid SupervisionBodies.ProgressReport body) {
        visible(id);
        return SupervisionViews.Directive.of(supervision.reportProgress(id, directiveId, body.progress()));
    }

    private AssignmentView view(Assignment assignment) {
        return AssignmentView.of(assignment, deadlines.light(assignment));
    }

    /** The assignment, if the caller may see it; another unit's answers 404 as if it did not exist. */
    private Assignment visible(UUID id) {
        Assignment assignment = assignments.get(id);
        if (!Access.seesUnit(trace.actor(), assignment.unitId)) {
            throw ApiProblem.notFound("Assignment", id);
        }
        return assignment;
    }
}
