package org.proposals.supervision.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.proposals.supervision.ReceivedDirective;
import org.proposals.supervision.ReportType;
import org.proposals.supervision.StatusReport;
import org.proposals.supervision.repository.StatusReportRepository;
import org.proposals.supervision.service.CircuitBreaker;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the adapter's API answers. */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    /** A directive and what became of it; {@code statusUrl} is where to ask again. */
    public record Directive(String directiveId, UUID platformDirectiveId, ReceivedDirective.Type type, UUID proposalId,
                            String unitId, String leaderName, String note, LocalDate dueDate, OffsetDateTime receivedAt,
                            ReceivedDirective.Status status, String reason, OffsetDateTime decidedAt, String statusUrl) {

        public static Directive of(ReceivedDirective d) {
            return new Directive(d.externalId, d.id, d.type, d.proposalId, d.unitId, d.leaderName, d.note, d.dueDate,
                    d.receivedAt, d.status, d.outcomeReason, d.decidedAt, "/api/v1/supervision/directives/" + d.externalId);
        }
    }

    /** A status report and its delivery; {@code body} is the JSON exactly as it is sent. */
    public record Report(UUID reportId, UUID proposalId, long sequence, ReportType type, String unitId,
                         OffsetDateTime occurredAt, StatusReport.Status status, int attempts, OffsetDateTime nextAttemptAt,
                         OffsetDateTime lastAttemptAt, Integer lastHttpStatus, String lastError, OffsetDateTime createdAt,
                         OffsetDateTime deliveredAt, OffsetDateTime deadAt, @JsonRawValue String body) {

        public static Report of(StatusReport r) {
            return new Report(r.id, r.proposalId, r.sequence, r.type, r.unitId, r.occurredAt, r.status, r.attempts,
                    r.status == StatusReport.Status.PENDING ? r.nextAttemptAt : null, r.lastAttemptAt, r.lastHttpStatus,
                    r.lastError, r.createdAt, r.deliveredAt, r.deadAt, r.body);
        }
    }

    /**
     * The outbound channel at a glance.
     *
     * @param pending            reports not yet delivered (dead letters not counted)
     * @param due                of those, the ones that may go now: due, and first in their proposal's line
     * @param heldByDeadLetters  of those, the ones waiting behind a dead letter of their proposal
     * @param oldestUndelivered  the oldest report pending or dead, and how long it has waited
     */
    public record Outbound(URI endpoint, long pending, long due, long heldByDeadLetters, long deadLetters,
                           Oldest oldestUndelivered, OffsetDateTime lastDeliveredAt, CircuitBreaker.Snapshot circuit) {

        public static Outbound of(URI endpoint, StatusReportRepository.Backlog backlog, Oldest oldest,
                                  CircuitBreaker.Snapshot circuit) {
            return new Outbound(endpoint, backlog.pending(), backlog.due(), backlog.held(), backlog.deadLetters(), oldest,
                    backlog.lastDeliveredAt(), circuit);
        }
    }

    public record Oldest(UUID reportId, UUID proposalId, ReportType type, StatusReport.Status status, OffsetDateTime createdAt,
                         long waitingSeconds, int attempts, String lastError) {
    }

    public record Resent(int resent) {
    }
}
