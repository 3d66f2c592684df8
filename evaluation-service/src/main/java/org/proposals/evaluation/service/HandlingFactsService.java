package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.HandlingCommitment;
import org.proposals.evaluation.HandlingContact;
import org.proposals.evaluation.HandlingMeasure;
import org.proposals.evaluation.MissedDeadline;
import org.proposals.evaluation.ProposalRecord;
import org.proposals.evaluation.UnitHandling;
import org.proposals.evaluation.repository.ProposalRecordRepository;
import org.proposals.evaluation.repository.UnitHandlingRepository;
import org.proposals.events.EventEnvelope;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.CommitmentFulfilled;
import org.proposals.events.reply.ContactDisputed;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.WorkMeasureRecorded;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The facts of a unit's handling beyond sign-for, reply and rating: the committee's decisions on the proposal,
 * adjustments and extensions, co-handling opinions, contacts with the proposer, work measures, kept promises and
 * missed deadlines. Like the rest of the read model, each handler creates what it does not find, so that events
 * from different topics may arrive in any order, and a repeat changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HandlingFactsService {

    @Inject
    ProposalRecordRepository proposals;

    @Inject
    UnitHandlingRepository handlings;

    @Inject
    AuditTrail audit;

    public void onRevised(ProposalRevised revised) {
        ProposalRecord proposal = proposals.findOrCreate(revised.proposalId());
        Map<String, Object> before = ReadModelService.state(proposal);
        proposal.title = revised.title() != null ? revised.title() : proposal.title;
        if (revised.topics() != null) {
            proposal.topics = List.copyOf(revised.topics());
        }
        audit.record("ProposalRevisedApplied", "ProposalRecord", proposal.proposalId, proposal.proposalId,
                AuditChanges.between(before, ReadModelService.state(proposal)));
    }

    /** The committee's decision on the proposal: FILED, NOT_FILED, MERGED, WITHDRAWN or CLOSED. */
    public void onDecided(UUID proposalId, String decision, OffsetDateTime closedAt, String eventType) {
        ProposalRecord proposal = proposals.findOrCreate(proposalId);
        Map<String, Object> before = ReadModelService.state(proposal);
        proposal.decision = decision;
        if (closedAt != null) {
            proposal.closedAt = closedAt;
        }
        audit.record(eventType + "Applied", "ProposalRecord", proposal.proposalId, proposal.proposalId,
                AuditChanges.between(before, ReadModelService.state(proposal)));
    }

    public void onAdjusted(AssignmentAdjusted adjusted) {
        change(adjusted.proposalId(), adjusted.unitId(), "AssignmentAdjustedApplied", h -> h.endedAt == null,
                h -> h.endedAt = adjusted.adjustedAt());
    }

    public void onExtensionGranted(ExtensionGranted granted) {
        change(granted.proposalId(), granted.unitId(), "ExtensionGrantedApplied", h -> true,
                h -> h.replyDueDate = granted.newDue());
    }

    /** A new round's reply is due by the re-handling deadline: on time or late is judged against it. */
    public void onRehandlingStarted(RehandlingStarted started) {
        change(started.proposalId(), started.unitId(), "RehandlingStartedApplied", h -> true,
                h -> h.replyDueDate = started.replyDue());
    }

    public void onOpinionSubmitted(CoHandlingOpinionSubmitted submitted) {
        change(submitted.proposalId(), submitted.unitId(), "CoHandlingOpinionSubmittedApplied", h -> h.opinionSubmittedAt == null,
                h -> h.opinionSubmittedAt = submitted.submittedAt());
    }

    public void onContactRecorded(ContactRecorded recorded) {
        if (HandlingContact.findByIdOptional(recorded.contactId()).isPresent()) {
            return;
        }
        HandlingContact contact = new HandlingContact();
        contact.contactId = recorded.contactId();
        contact.proposalId = recorded.proposalId();
        contact.unitId = recorded.unitId();
        contact.channel = recorded.channel();
        contact.faceToFace = recorded.faceToFace();
        contact.contactedAt = recorded.contactedAt();
        contact.persist();
        audit.record("ContactRecordedApplied", "HandlingContact", contact.contactId, contact.proposalId,
                AuditChanges.created(AuditChanges.state("unitId", contact.unitId, "channel", contact.channel,
                        "faceToFace", contact.faceToFace, "contactedAt", contact.contactedAt)));
        change(recorded.proposalId(), recorded.unitId(), "ContactRecordedApplied",
                h -> h.firstContactAt == null || recorded.contactedAt().isBefore(h.firstContactAt),
                h -> h.firstContactAt = recorded.contactedAt());
    }

    /** A disputed contact stays on record but no longer counts; its ContactRecorded came first on the case's key. */
    public void onContactDisputed(ContactDisputed disputed) {
        HandlingContact.<HandlingContact>findByIdOptional(disputed.contactId()).filter(c -> !c.disputed).ifPresent(contact -> {
            contact.disputed = true;
            audit.record("ContactDisputedApplied", "HandlingContact", contact.contactId, contact.proposalId,
                    AuditChanges.of().set("disputed", false, true));
        });
    }

    public void onWorkMeasureRecorded(WorkMeasureRecorded recorded) {
        HandlingMeasure measure = HandlingMeasure.findById(new HandlingMeasure.Key(recorded.measureId(), recorded.proposalId()));
        boolean known = measure != null;
        if (!known) {
            measure = new HandlingMeasure();
            measure.measureId = recorded.measureId();
            measure.proposalId = recorded.proposalId();
        }
        measure.unitId = recorded.unitId();
        measure.caseId = recorded.caseId();
        measure.kind = recorded.kind();
        measure.title = recorded.title();
        measure.documentNumber = recorded.documentNumber();
        measure.issuedOn = recorded.issuedOn();
        measure.recordedAt = recorded.recordedAt();
        if (!known) {
            measure.persist();
        }
        audit.record("WorkMeasureRecordedApplied", "HandlingMeasure", measure.measureId + "/" + measure.proposalId,
                measure.proposalId, AuditChanges.created(AuditChanges.state("unitId", measure.unitId, "kind", measure.kind,
                        "title", measure.title, "documentNumber", measure.documentNumber, "issuedOn", measure.issuedOn)));
    }

    public void onCommitmentFulfilled(CommitmentFulfilled fulfilled) {
        if (HandlingCommitment.findByIdOptional(fulfilled.commitmentId()).isPresent()) {
            return;
        }
        HandlingCommitment commitment = new HandlingCommitment();
        commitment.commitmentId = fulfilled.commitmentId();
        commitment.proposalId = fulfilled.proposalId();
        commitment.unitId = fulfilled.unitId();
        commitment.description = fulfilled.description();
        commitment.dueDate = fulfilled.dueDate();
        commitment.fulfilledAt = fulfilled.fulfilledAt();
        commitment.measureId = fulfilled.measureId();
        commitment.persist();
        audit.record("CommitmentFulfilledApplied", "HandlingCommitment", commitment.commitmentId, commitment.proposalId,
                AuditChanges.created(AuditChanges.state("unitId", commitment.unitId, "dueDate", commitment.dueDate,
                        "fulfilledAt", commitment.fulfilledAt, "measureId", commitment.measureId)));
    }

    /** Kept under the event's own id: the deduction it may cause names it. */
    public void onDeadlineMissed(DeadlineMissed missed, EventEnvelope envelope) {
        if (MissedDeadline.findByIdOptional(envelope.eventId()).isPresent()) {
            return;
        }
        MissedDeadline deadline = new MissedDeadline();
        deadline.eventId = envelope.eventId();
        deadline.proposalId = missed.proposalId();
        deadline.unitId = missed.unitId();
        deadline.assignmentId = missed.assignmentId();
        deadline.clock = missed.clock();
        deadline.due = missed.due();
        deadline.workingDaysLate = missed.workingDaysLate();
        deadline.occurredAt = envelope.occurredAt();
        deadline.persist();
        audit.record("DeadlineMissedApplied", "MissedDeadline", deadline.eventId, deadline.proposalId,
                AuditChanges.created(AuditChanges.state("unitId", deadline.unitId, "clock", deadline.clock, "due", deadline.due,
                        "workingDaysLate", deadline.workingDaysLate)));
    }

    /** Changes the unit's handling when {@code applies}, with its audit record; otherwise changes nothing. */
    private void change(UUID proposalId, String unitId, String action, java.util.function.Predicate<UnitHandling> applies,
                        java.util.function.Consumer<UnitHandling> update) {
        UnitHandling handling = handlings.findOrCreate(proposalId, unitId);
        if (!applies.test(handling)) {
            return;
        }
        Map<String, Object> before = ReadModelService.state(handling);
        update.accept(handling);
        audit.record(action, "UnitHandling", ReadModelService.recordId(handling), handling.proposalId,
                AuditChanges.between(before, ReadModelService.state(handling)));
    }
}
