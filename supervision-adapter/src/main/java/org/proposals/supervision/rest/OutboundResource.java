package org.proposals.supervision.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.supervision.StatusReport;
import org.proposals.supervision.repository.StatusReportRepository;
import org.proposals.supervision.service.DeadLetterService;
import org.proposals.supervision.service.OutboundMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.SUPERVISOR;

/** For operators: the status reports to the supervision system, how far behind it is, and its dead letters. */
@Path("/api/v1/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status reports", description = "Delivery of status reports to the supervision system, for operators")
public class OutboundResource {

    @Inject
    OutboundMonitor monitor;

    @Inject
    StatusReportRepository reports;

    @Inject
    DeadLetterService deadLetters;

    @GET
    @Path("/outbound")
    @RolesAllowed({ADMIN, SUPERVISOR})
    @Operation(summary = "The outbound channel: backlog, the oldest undelivered report, dead letters, the circuit")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Outbound.class)))
    public SupervisionViews.Outbound outbound() {
        return monitor.outbound();
    }

    @GET
    @Path("/status-reports")
    @RolesAllowed({ADMIN, SUPERVISOR})
    @Operation(summary = "Status reports, newest first, optionally of one proposal or in one status")
    @APIResponse(responseCode = "200", description = "A page of reports, each with the body as sent")
    public Page<SupervisionViews.Report> statusReports(@QueryParam("proposalId") UUID proposalId,
                                                      @QueryParam("status") StatusReport.Status status,
                                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (proposalId != null) {
            values.add(proposalId);
            where.add("proposalId = ?" + values.size());
        }
        if (status != null) {
            values.add(status);
            where.add("status = ?" + values.size());
        }
        var query = reports.find(String.join(" and ", where), Sort.descending("position"), values.toArray());
        return new Page<>(query.page(page, size).list(), query.count(), page, size).map(SupervisionViews.Report::of);
    }

    @GET
    @Path("/status-reports/{reportId}")
    @RolesAllowed({ADMIN, SUPERVISOR})
    @Operation(summary = "One status report and its delivery")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Report.class)))
    @APIResponse(responseCode = "404", description = "No such report")
    public SupervisionViews.Report statusReport(@PathParam("reportId") UUID reportId) {
        StatusReport report = reports.findById(reportId);
        if (report == null) {
            throw ApiProblem.notFound("Status report", reportId);
        }
        return SupervisionViews.Report.of(report);
    }

    @GET
    @Path("/dead-letters")
    @RolesAllowed({ADMIN, SUPERVISOR})
    @Operation(summary = "Reports the supervision system refused (4xx), oldest first, each holding its proposal's later reports")
    @APIResponse(responseCode = "200", description = "A page of dead letters, each with the answer it got")
    public Page<SupervisionViews.Report> deadLetterList(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = reports.find("status", Sort.ascending("position"), StatusReport.Status.DEAD);
        return new Page<>(query.page(page, size).list(), query.count(), page, size).map(SupervisionViews.Report::of);
    }

    @POST
    @Path("/dead-letters/{reportId}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Resend a dead letter, as it is or corrected",
            description = "With body, the report is sent as corrected; its reportId (the Idempotency-Key), sequence, type, "
                    + "occurredAt and proposal id stay. It goes first in its proposal's line. Audited.")
    @APIResponse(responseCode = "200", description = "Queued again",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Report.class)))
    @APIResponse(responseCode = "400", description = "The corrected body is not a JSON object")
    @APIResponse(responseCode = "403", description = "Only an administrator resends")
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(responseCode = "409", description = "The report is not a dead letter")
    public SupervisionViews.Report resend(@PathParam("reportId") UUID reportId, @Valid DeadLetterBodies.Resend body) {
        return SupervisionViews.Report.of(deadLetters.resend(reportId, body == null ? null : body.body(),
                body == null ? null : body.note()));
    }

    @POST
    @Path("/dead-letters/resend")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Resend every dead letter as it is, once what refused them all is fixed (a secret, a mapping)")
    @APIResponse(responseCode = "200", description = "How many were queued again",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Resent.class)))
    @APIResponse(responseCode = "400", description = "The note is too long")
    @APIResponse(responseCode = "403", description = "Only an administrator resends")
    public SupervisionViews.Resent resendAll(@QueryParam("note") @Size(max = 2000) String note) {
        return new SupervisionViews.Resent(deadLetters.resendAll(note));
    }

    @POST
    @Path("/dead-letters/{reportId}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Operation(summary = "Give up a dead letter, with the reason: its proposal's later reports go on. Audited.")
    @APIResponse(responseCode = "200", description = "Discarded",
            content = @Content(schema = @Schema(implementation = SupervisionViews.Report.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Only an administrator discards")
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(responseCode = "409", description = "The report is not a dead letter")
    public SupervisionViews.Report discard(@PathParam("reportId") UUID reportId, @NotNull @Valid DeadLetterBodies.Discard body) {
        return SupervisionViews.Report.of(deadLetters.discard(reportId, body.reason()));
    }
}
