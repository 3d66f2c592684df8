package org.proposals.supervision.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proposals.events.EventEnvelope;
import org.proposals.kit.messaging.AfterCommit;
import org.proposals.kit.time.CityClock;
import org.proposals.supervision.ReportType;
import org.proposals.supervision.StatusReport;
import org.proposals.supervision.SupervisedHandling;
import org.proposals.supervision.SupervisedProposal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes status reports, in the transaction that applies the event they report: a report exists exactly when its
 * event was applied, and the deliverer takes it from there.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatusReports {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    CityClock clock;

    @Inject
    AfterCommit afterCommit;

    @Inject
    ReportDelivery delivery;

    /**
     * Queues a report of {@code envelope}'s event about a proposal, and of a unit's handling when
     * {@code assignmentId} is given (or of the unit {@code unitId} alone).
     */
    public StatusReport report(EventEnvelope envelope, ReportType type, UUID proposalId, UUID assignmentId, String unitId,
                               ObjectNode details) {
        OffsetDateTime now = clock.now();
        StatusReport report = new StatusReport();
        // the same event always gives the same key, so that a rebuilt outbox repeats nothing the system has
        report.id = UUID.nameUUIDFromBytes(("status-report/" + envelope.eventId()).getBytes(StandardCharsets.UTF_8));
        report.proposalId = proposalId;
        report.sequence = nextSequence(proposalId);
        report.type = type;
        report.sourceEventId = envelope.eventId();
        report.occurredAt = envelope.occurredAt();
        Optional<SupervisedHandling> handling = assignmentId == null ? Optional.empty()
                : SupervisedHandling.<SupervisedHandling>findByIdOptional(assignmentId);
        report.unitId = handling.map(h -> h.unitId).orElse(unitId);
        report.body = body(report, handling, assignmentId, details);
        report.status = StatusReport.Status.PENDING;
        report.nextAttemptAt = now;
        report.createdAt = now;
        report.persist();
        afterCommit.once(ReportDelivery.class, delivery::wake);
        return report;
    }

    private long nextSequence(UUID proposalId) {
        return ((Number) entityManager.createNativeQuery("""
                        INSERT INTO report_stream (proposal_id, last_sequence) VALUES (?1, 1)
                        ON CONFLICT (proposal_id) DO UPDATE SET last_sequence = report_stream.last_sequence + 1
                        RETURNING last_sequence""")
                .setParameter(1, proposalId)
                .getSingleResult()).longValue();
    }

    private String body(StatusReport report, Optional<SupervisedHandling> handling, UUID assignmentId, ObjectNode details) {
        ObjectNode body = json.createObjectNode();
        body.put("reportId", report.id.toString());
        body.put("sequence", report.sequence);
        body.put("type", report.type.name());
        body.put("occurredAt", report.occurredAt.toString());
        ObjectNode proposal = body.putObject("proposal");
        proposal.put("id", report.proposalId.toString());
        SupervisedProposal known = SupervisedProposal.findById(report.proposalId);
        proposal.put("number", known == null ? null : known.number);
        proposal.put("title", known == null ? null : known.title);
        proposal.put("kind", known == null ? null : known.kind);
        if (report.unitId == null) {
            body.putNull("unit");
        } else {
            ObjectNode unit = body.putObject("unit");
            unit.put("id", report.unitId);
            unit.put("name", handling.map(h -> h.unitName).orElse(null));
            unit.put("handlingType", handling.map(h -> h.handlingType).orElse(null));
            unit.put("assignmentId", assignmentId == null ? null : assignmentId.toString());
        }
        body.set("details", details == null ? json.createObjectNode() : details);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status report could not be written as JSON", e);
        }
    }
}
