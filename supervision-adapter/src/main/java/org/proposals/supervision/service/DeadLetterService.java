package org.proposals.supervision.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.AfterCommit;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;
import org.proposals.supervision.StatusReport;
import org.proposals.supervision.repository.StatusReportRepository;

import java.util.List;
import java.util.UUID;

/**
 * Reports the supervision system refused: an operator resends one (corrected or as it is, once the cause is
 * fixed on either side), or discards it with a reason so that the proposal's later reports go on.
 */
@ApplicationScoped
@Transactional
public class DeadLetterService {

    /** What identifies a report to the supervision system: a corrected body keeps them. */
    private static final List<String> IDENTITY = List.of("reportId", "sequence", "type", "occurredAt");

    @Inject
    StatusReportRepository reports;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    @Inject
    AfterCommit afterCommit;

    @Inject
    ReportDelivery delivery;

    /** Queues the dead letter again, first in its proposal's line; with {@code correctedBody}, sent as corrected. */
    public StatusReport resend(UUID reportId, JsonNode correctedBody, String note) {
        StatusReport report = deadLetter(reportId);
        AuditChanges changes = AuditChanges.of().set("status", report.status, StatusReport.Status.PENDING);
        if (correctedBody != null && !correctedBody.isNull()) {
            String corrected = corrected(report, correctedBody);
            if (!corrected.equals(report.body)) {
                changes.set("body", report.body, corrected);
                report.body = corrected;
            }
        }
        if (note != null && !note.isBlank()) {
            changes.set("note", note.strip());
        }
        report.status = StatusReport.Status.PENDING;
        report.nextAttemptAt = clock.now();
        report.deadAt = null;
        audit.record("StatusReportResent", "StatusReport", report.id, report.proposalId, changes);
        afterCommit.once(ReportDelivery.class, delivery::wake);
        return report;
    }

    /** Resends every dead letter as it is: after a fault on either side that refused them all has been fixed. */
    public int resendAll(String note) {
        List<StatusReport> dead = reports.list("status = ?1 order by position", StatusReport.Status.DEAD);
        dead.forEach(report -> resend(report.id, null, note));
        return dead.size();
    }

    public StatusReport discard(UUID reportId, String reason) {
        StatusReport report = deadLetter(reportId);
        audit.record("StatusReportDiscarded", "StatusReport", report.id, report.proposalId,
                AuditChanges.of().set("status", report.status, StatusReport.Status.DISCARDED).set("reason", reason.strip()));
        report.status = StatusReport.Status.DISCARDED;
        afterCommit.once(ReportDelivery.class, delivery::wake);
        return report;
    }

    private StatusReport deadLetter(UUID reportId) {
        StatusReport report = reports.findById(reportId);
        if (report == null) {
            throw ApiProblem.notFound("Status report", reportId);
        }
        if (report.status != StatusReport.Status.DEAD) {
            throw ApiProblem.conflict("Status report " + reportId + " is " + report.status + ", not a dead letter");
        }
        return report;
    }

    private String corrected(StatusReport report, JsonNode correctedBody) {
        if (!correctedBody.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object: the corrected status report");
        }
        try {
            ObjectNode original = (ObjectNode) json.readTree(report.body);
            ObjectNode body = ((ObjectNode) correctedBody).deepCopy();
            IDENTITY.forEach(field -> body.set(field, original.get(field)));
            // the proposal stays the one the report is about: its id decides the order of delivery
            ObjectNode proposal = body.get("proposal") instanceof ObjectNode p ? p : body.putObject("proposal");
            proposal.set("id", original.get("proposal").get("id"));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status report " + report.id + " holds no JSON object", e);
        }
    }
}
