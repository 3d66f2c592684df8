package org.proposals.supervision.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proposals.events.Proposer;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentAdjustmentRejected;
import org.proposals.events.assignment.AssignmentAdjustmentRequested;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ExtensionRequested;
import org.proposals.events.assignment.ProgressReportSubmitted;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.events.assignment.SupervisionDirectiveRejected;
import org.proposals.events.evaluation.RehandlingRequested;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.proposal.ProposalClosed;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.supervision.ReportType;
import org.proposals.supervision.service.DirectiveService;
import org.proposals.supervision.service.StatusReports;
import org.proposals.supervision.service.SupervisedProposals;

import java.util.Collection;
import java.util.List;

/**
 * The platform events the supervision office follows, and the status report each becomes, with the same details
 * fields for every report of a type (contract/supervision-system.yaml). proposal-service's and assignment-service's
 * events also keep the names the reports carry.
 */
@ApplicationScoped
public class ReportedEvents {

    /** The name the inbox records applied events under. */
    public static final String CONSUMER = "platform-events";

    private final EventHandlers handlers;

    @Inject
    public ReportedEvents(StatusReports reports, SupervisedProposals proposals, DirectiveService directives, ObjectMapper json) {
        Details details = new Details(json);
        this.handlers = EventHandlers.builder()
                .on(ProposalSubmitted.class, (event, envelope) -> proposals.onSubmitted(event))
                .on(ProposalRevised.class, (event, envelope) -> proposals.onRevised(event))
                .on(ProposalAssigned.class, (event, envelope) -> {
                    proposals.onAssigned(event);
                    reports.report(envelope, ReportType.ASSIGNED, event.proposalId(), event.assignmentId(), event.unitId(),
                            details.of("handlingType", event.handlingType(), "leadUnitId", event.leadUnitId(),
                                    "assignedAt", event.assignedAt(), "replyDue", event.replyDueDate(), "origin", event.origin()));
                })
                .on(AssignmentSigned.class, (event, envelope) -> reports.report(envelope, ReportType.SIGNED_FOR,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("signedAt", event.signedAt(), "late", event.late())))
                .on(AssignmentAdjustmentRequested.class, (event, envelope) -> reports.report(envelope,
                        ReportType.ADJUSTMENT_REQUESTED, event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("requestId", event.requestId(), "reason", event.reason(),
                                "suggestedUnitId", event.suggestedUnitId(), "decisionDue", event.decisionDue())))
                .on(AssignmentAdjusted.class, (event, envelope) -> {
                    reports.report(envelope, ReportType.ADJUSTMENT_DECIDED, event.proposalId(), event.assignmentId(),
                            event.unitId(), details.of("requestId", event.requestId(), "decision", "ADJUSTED",
                                    "note", event.decisionNote(), "replacementAssignmentIds", event.replacementAssignmentIds()));
                    proposals.onAdjusted(event);
                })
                .on(AssignmentAdjustmentRejected.class, (event, envelope) -> reports.report(envelope,
                        ReportType.ADJUSTMENT_DECIDED, event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("requestId", event.requestId(), "decision", "REJECTED", "note", event.decisionNote(),
                                "replacementAssignmentIds", List.of())))
                .on(ExtensionRequested.class, (event, envelope) -> reports.report(envelope, ReportType.EXTENSION_REQUESTED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("requestId", event.requestId(), "reason", event.reason(),
                                "currentDue", event.currentDue(), "requestedDue", event.requestedDue())))
                .on(ExtensionGranted.class, (event, envelope) -> reports.report(envelope, ReportType.EXTENSION_DECIDED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("requestId", event.requestId(), "decision", "GRANTED", "previousDue", event.previousDue(),
                                "newDue", event.newDue(), "note", event.decisionNote())))
                .on(ExtensionRejected.class, (event, envelope) -> reports.report(envelope, ReportType.EXTENSION_DECIDED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("requestId", event.requestId(), "decision", "REJECTED", "previousDue", null, "newDue", null,
                                "note", event.decisionNote())))
                .on(DeadlineMissed.class, (event, envelope) -> reports.report(envelope, ReportType.OVERDUE,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("clock", event.clock(), "due", event.due(), "workingDaysLate", event.workingDaysLate(),
                                "escalatedTo", event.escalatedTo())))
                .on(RehandlingStarted.class, (event, envelope) -> reports.report(envelope, ReportType.REHANDLING_STARTED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("round", event.round(), "replyDue", event.replyDue())))
                .on(ReplyApproved.class, (event, envelope) -> reports.report(envelope, ReportType.REPLY_APPROVED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("replyId", event.replyId(), "resultCategory", event.resultCategory(), "purpose", event.purpose(),
                                "round", event.round(), "approvedAt", event.approvedAt(), "commitmentDue", event.commitmentDue(),
                                "disclosure", event.disclosure())))
                .on(ReplyDelivered.class, (event, envelope) -> reports.report(envelope, ReportType.REPLY_DELIVERED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("replyId", event.replyId(), "deliveredOn", event.deliveredOn(), "channel", event.channel(),
                                "recipients", event.recipients() == null ? null
                                        : event.recipients().stream().map(Proposer::name).toList())))
                // the rating only: the proposer's comment is for the unit
                .on(SatisfactionRecorded.class, (event, envelope) -> reports.report(envelope, ReportType.SATISFACTION_RECORDED,
                        event.proposalId(), null, event.unitId(),
                        details.of("replyId", event.replyId(), "round", event.round(), "rating", event.rating(),
                                "attitude", event.attitude(), "result", event.result(), "late", event.late())))
                .on(RehandlingRequested.class, (event, envelope) -> reports.report(envelope, ReportType.REHANDLING_REQUESTED,
                        event.proposalId(), null, event.unitId(),
                        details.of("replyId", event.replyId(), "round", event.round(), "reason", event.reason())))
                .on(ProposalClosed.class, (event, envelope) -> reports.report(envelope, ReportType.PROPOSAL_CLOSED,
                        event.proposalId(), null, null, details.of("closedAt", event.closedAt())))
                .on(ProposalSupervised.class, (event, envelope) -> reports.report(envelope, ReportType.KEY_PROPOSAL_MARKED,
                        event.proposalId(), null, null,
                        details.of("leaderName", event.leaderName(), "note", event.note(), "supervisedAt", event.supervisedAt(),
                                "directiveId", directives.applied(event.directiveId(), envelope.occurredAt()))))
                .on(SupervisionDirectiveIssued.class, (event, envelope) -> reports.report(envelope, ReportType.DIRECTIVE_APPLIED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("directiveId", directives.applied(event.directiveId(), envelope.occurredAt()),
                                "type", event.type(), "note", event.note(), "dueDate", event.dueDate())))
                .on(SupervisionDirectiveRejected.class, (event, envelope) -> reports.report(envelope, ReportType.DIRECTIVE_REJECTED,
                        event.proposalId(), null, event.unitId(),
                        details.of("directiveId", directives.rejected(event.directiveId(), event.reason(), envelope.occurredAt()),
                                "reason", event.reason())))
                .on(ProgressReportSubmitted.class, (event, envelope) -> reports.report(envelope, ReportType.PROGRESS_REPORTED,
                        event.proposalId(), event.assignmentId(), event.unitId(),
                        details.of("directiveId", directives.externalId(event.directiveId()), "progress", event.progress(),
                                "dueDate", event.dueDate(), "submittedAt", event.submittedAt(), "late", event.late())))
                .build();
    }

    public EventHandlers handlers() {
        return handlers;
    }

    /** A report's details from field names and values, in that order. */
    private record Details(ObjectMapper json) {

        ObjectNode of(Object... namesAndValues) {
            ObjectNode node = json.createObjectNode();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                String name = (String) namesAndValues[i];
                Object value = namesAndValues[i + 1];
                if (value == null) {
                    node.putNull(name);
                } else if (value instanceof Boolean b) {
                    node.put(name, b);
                } else if (value instanceof Integer n) {
                    node.put(name, n);
                } else if (value instanceof Collection<?> values) {
                    ArrayNode array = node.putArray(name);
                    values.forEach(v -> array.add(String.valueOf(v)));
                } else {
                    node.put(name, value.toString());
                }
            }
            return node;
        }
    }
}
