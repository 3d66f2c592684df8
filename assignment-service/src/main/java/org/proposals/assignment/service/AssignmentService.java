package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.AssignableProposal;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentOrigin;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.HandlingUnit;
import org.proposals.assignment.repository.AssignableProposalRepository;
import org.proposals.assignment.repository.AdjustmentRequestRepository;
import org.proposals.assignment.repository.AssignmentRepository;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.ProposalEvent;
import org.proposals.events.ProposalSource;
import org.proposals.events.proposal.ProposalFiled;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.ResultCategory;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class AssignmentService {


    @Inject
    AssignableProposalRepository proposals;

    @Inject
    AssignmentRepository assignments;

    @Inject
    ClockRules clocks;

    @Inject
    AdjustmentRequestRepository adjustments;

    @Inject
    UnitDirectory directory;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    /** Due dates are dates in the city's calendar. */
    @Inject
    CityClock clock;

    /** Remembers a registered proposal so that the committee can assign it. */
    public void onProposalSubmitted(ProposalSubmitted submitted) {
        if (proposals.findByIdOptional(submitted.proposalId()).isPresent()) {
            return;
        }
        AssignableProposal proposal = new AssignableProposal();
        proposal.id = submitted.proposalId();
        proposal.kind = submitted.kind();
        proposal.number = submitted.number();
        proposal.title = submitted.title();
        proposal.proposerId = submitted.proposer().id();
        proposal.proposerName = submitted.proposer().name();
        proposal.submittedAt = submitted.submittedAt();
        proposal.source = submitted.source() == null ? ProposalSource.PLENARY : submitted.source();
        proposal.status = AssignableProposal.Status.AWAITING_FILING;
        proposals.persist(proposal);
        audit.record("ProposalSubmittedApplied", "AssignableProposal", proposal.id, proposal.id,
                AuditChanges.created(state(proposal)));
    }

    /** A filed proposal may be assigned. */
    public void onProposalFiled(ProposalFiled filed) {
        moveOn(filed.proposalId(), "ProposalFiledApplied", AssignableProposal.Status.AWAITING_ASSIGNMENT);
    }

    /** A proposal not filed, merged into another or withdrawn is not assigned on its own. */
    public void onProposalSettled(ProposalEvent settled) {
        moveOn(settled.proposalId(), settled.getClass().getSimpleName() + "Applied", AssignableProposal.Status.NOT_ASSIGNABLE);
    }

    /** The committee corrected the registration: the title and proposer shown when assigning follow it. */
    public void onProposalRevised(ProposalRevised revised) {
        AssignableProposal proposal = known(revised.proposalId());
        Map<String, Object> before = state(proposal);
        proposal.title = revised.title();
        proposal.proposerId = revised.proposer().id();
        proposal.proposerName = revised.proposer().name();
        audit.record("ProposalRevisedApplied", "AssignableProposal", proposal.id, proposal.id,
                AuditChanges.between(before, state(proposal)));
    }

    private void moveOn(java.util.UUID proposalId, String action, AssignableProposal.Status next) {
        AssignableProposal proposal = known(proposalId);
        Map<String, Object> before = state(proposal);
        if (proposal.status == AssignableProposal.Status.ASSIGNED) {
            // The decision crossed an assignment already made; the assignment stands and the audit trail shows both.
            audit.record(action, "AssignableProposal", proposal.id, proposal.id, AuditChanges.of());
            return;
        }
        proposal.status = next;
        audit.record(action, "AssignableProposal", proposal.id, proposal.id, AuditChanges.between(before, state(proposal)));
    }

    private AssignableProposal known(java.util.UUID proposalId) {
        // proposal-service publishes a proposal's events in order under its key: an unknown id is a fault worth dead-lettering.
        return proposals.findForUpdate(proposalId)
                .orElseThrow(() -> new IllegalStateException("unknown proposal " + proposalId));
    }

    /** Gives a proposal to its units in one step: every unit gets its assignment and its ProposalAssigned, or none does. */
    public List<Assignment> assign(UUID proposalId, List<UnitAssignment> units) {
        AssignmentRules.check(units);
        Map<String, HandlingUnit> handlingUnits = directory.requireActive(units);
        AssignableProposal proposal = proposals.findForUpdate(proposalId)
                .orElseThrow(() -> ApiProblem.notFound("Proposal", proposalId));
        switch (proposal.status) {
            case AWAITING_ASSIGNMENT -> {
            }
            case AWAITING_FILING -> throw ApiProblem.conflict("Proposal " + proposal.number + " is not filed yet");
            case ASSIGNED -> throw ApiProblem.conflict("Proposal " + proposal.number + " is already assigned");
            case NOT_ASSIGNABLE -> throw ApiProblem.conflict("Proposal " + proposal.number
                    + " was not filed, merged into another or withdrawn, and is not assigned");
        }
        Map<String, Object> before = state(proposal);
        proposal.status = AssignableProposal.Status.ASSIGNED;
        audit.record("ProposalAssigned", "AssignableProposal", proposal.id, proposal.id,
                AuditChanges.between(before, state(proposal)));
        return give(proposal, units, handlingUnits, leadUnitOf(units), AssignmentOrigin.INITIAL);
    }

    /** Proposals of a batch assigned between two clearings of the persistence context. */
    private static final int BATCH_FLUSH = 10;

    /** One proposal of a batch and the units it goes to. */
    public record Decision(UUID proposalId, List<UnitAssignment> units) {
    }

    /**
     * Assigns many proposals at once, as the committee does at its assignment meeting after a session: every proposal
     * is assigned as by {@link #assign}, in one transaction, or none is. A refusal names the item at fault.
     */
    public List<Assignment> assignAll(List<Decision> batch) {
        Set<UUID> listed = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!listed.add(batch.get(i).proposalId())) {
                throw ApiProblem.invalid("assignments[" + i + "].proposalId", "the proposal is listed more than once");
            }
        }
        List<Assignment> created = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Decision decision = batch.get(i);
            try {
                created.addAll(assign(decision.proposalId(), decision.units()));
            } catch (ApiProblem refused) {
                throw refused.about("assignments[" + i + "]");
            }
            if ((i + 1) % BATCH_FLUSH == 0) {
                // every flush checks every entity the context holds: without this a batch costs the square of its size
                assignments.flush();
                assignments.getEntityManager().clear();
            }
        }
        return created;
    }

    /**
     * Gives each unit its assignment of the proposal, with clocks starting today, and announces each with
     * ProposalAssigned. Co-handling units send their opinions to {@code leadUnitId}.
     */
    List<Assignment> give(AssignableProposal proposal, List<UnitAssignment> units, Map<String, HandlingUnit> handlingUnits,
                          String leadUnitId, AssignmentOrigin origin) {
        OffsetDateTime now = clock.now();
        List<Assignment> created = new ArrayList<>();
        for (UnitAssignment unit : units) {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.proposalId = proposal.id;
            assignment.unitId = unit.unitId();
            assignment.unitName = handlingUnits.get(unit.unitId()).name;
            assignment.handlingType = unit.handlingType();
            assignment.leadUnitId = unit.handlingType() == HandlingType.CO_HANDLING ? leadUnitId : null;
            assignment.status = AssignmentStatus.ASSIGNED;
            assignment.assignedAt = now;
            assignment.origin = origin;
            // a re-assignment during the recess runs the recess clocks, whenever the proposal was put forward
            ProposalSource source = origin == AssignmentOrigin.RECESS_REASSIGNMENT ? ProposalSource.RECESS : proposal.source;
            clocks.start(assignment, proposal.kind, source, now.toLocalDate());
            assignments.persist(assignment);
            audit.record("ProposalAssigned", "Assignment", assignment.id, proposal.id, AuditChanges.created(state(assignment)));
            created.add(assignment);
        }
        for (Assignment assignment : created) {
            events.publish(new ProposalAssigned(assignment.id, proposal.id, proposal.title,
                    new Proposer(proposal.proposerId, proposal.proposerName), assignment.unitId, assignment.unitName,
                    assignment.handlingType, assignment.leadUnitId, assignment.assignedAt, assignment.replyDue,
                    assignment.origin.name()));
        }
        return created;
    }

    /** The LEAD among the units, whose co-handlers send it their opinions; null when there is none. */
    static String leadUnitOf(List<UnitAssignment> units) {
        return units.stream().filter(u -> u.handlingType() == HandlingType.LEAD)
                .map(UnitAssignment::unitId).findFirst().orElse(null);
    }

    /**
     * The committee reopened the proposal for re-handling: each unit named replies again, by the re-handling
     * deadline counted from today (announced with RehandlingStarted); extensions are counted from that deadline.
     */
    public void onProposalReopened(ProposalReopened reopened) {
        AssignableProposal proposal = known(reopened.proposalId());
        LocalDate today = clock.today();
        for (Assignment assignment : assignments.live(proposal.id)) {
            if (!reopened.unitIds().contains(assignment.unitId) || !assignment.handlingType.repliesToProposer()) {
                continue;
            }
            Map<String, Object> before = state(assignment);
            assignment.handlingRound = reopened.round();
            assignment.repliedAt = null;
            assignment.replyDue = clocks.due(ClockRules.Clock.REHANDLING_REPLY, proposal.kind, proposal.source, today);
            assignment.originalReplyDue = assignment.replyDue;
            audit.record("RehandlingStarted", "Assignment", assignment.id, proposal.id,
                    AuditChanges.between(before, state(assignment)));
            events.publish(new RehandlingStarted(assignment.id, proposal.id, assignment.unitId, assignment.handlingRound,
                    assignment.replyDue, clock.now()));
        }
    }

    /**
     * Re-assigns a proposal during the recess (闭会期间重新交办): the units named take it up beside those still
     * handling it, with recess clocks from today; the proposal's units as a whole still obey the rules.
     */
    public List<Assignment> reassignInRecess(UUID proposalId, String reason, List<UnitAssignment> units) {
        AssignableProposal proposal = proposals.findForUpdate(proposalId)
                .orElseThrow(() -> ApiProblem.notFound("Proposal", proposalId));
        if (proposal.status != AssignableProposal.Status.ASSIGNED) {
            throw ApiProblem.conflict("Proposal " + proposal.number + " is " + proposal.status
                    + ": only an assigned proposal is re-assigned; a first assignment goes through POST /api/v1/assignments");
        }
        List<UnitAssignment> after = AssignmentRules.checkChange(assignments.live(proposalId), units, "with these units added");
        Map<String, HandlingUnit> handlingUnits = directory.requireActive(units);
        audit.record("ProposalReassignedInRecess", "AssignableProposal", proposal.id, proposal.id,
                AuditChanges.of().set("reason", reason.strip()).set("units", units.stream().map(UnitAssignment::unitId).toList()));
        return give(proposal, units, handlingUnits, leadUnitOf(after), AssignmentOrigin.RECESS_REASSIGNMENT);
    }

    /**
     * The unit's reply was approved: its reply clock stops. A B or C reply promising a measure by a date starts
     * the second-reply clock; a later A reply reports the promise kept.
     */
    public void onReplyApproved(ReplyApproved approved) {
        assignments.findForUpdate(approved.assignmentId()).ifPresent(assignment -> {
            Map<String, Object> before = state(assignment);
            boolean promiseOpen = assignment.commitmentDue != null && assignment.commitmentMetAt == null;
            if (promiseOpen && approved.resultCategory() == ResultCategory.A) {
                assignment.commitmentMetAt = approved.approvedAt();
            } else if (approved.commitmentDue() != null
                    && (approved.resultCategory() == ResultCategory.B || approved.resultCategory() == ResultCategory.C)) {
                assignment.commitmentDue = approved.commitmentDue();
                assignment.commitmentMetAt = null;
            }
            if (assignment.repliedAt == null) {
                assignment.repliedAt = approved.approvedAt();
            }
            audit.record("ReplyApprovedApplied", "Assignment", assignment.id, assignment.proposalId,
                    AuditChanges.between(before, state(assignment)));
        });
    }

    /** A co-handling unit's opinion reached the lead unit: its opinion clock stops. */
    public void onOpinionSubmitted(CoHandlingOpinionSubmitted submitted) {
        recordFirst(submitted.assignmentId(), "CoHandlingOpinionSubmittedApplied", a -> a.opinionSubmittedAt == null,
                a -> a.opinionSubmittedAt = submitted.submittedAt());
    }

    /** The unit's first contact with the proposer stops the first-contact clock; later ones change nothing here. */
    public void onContactRecorded(ContactRecorded contacted) {
        recordFirst(contacted.assignmentId(), "ContactRecordedApplied", a -> a.firstContactAt == null,
                a -> a.firstContactAt = contacted.contactedAt());
    }

    /** Applies what the unit did the first time it is reported, with its audit record; repeats change nothing. */
    private void recordFirst(UUID assignmentId, String action, java.util.function.Predicate<Assignment> notYet,
                             java.util.function.Consumer<Assignment> change) {
        assignments.findForUpdate(assignmentId).filter(notYet).ifPresent(assignment -> {
            Map<String, Object> before = state(assignment);
            change.accept(assignment);
            audit.record(action, "Assignment", assignment.id, assignment.proposalId, AuditChanges.between(before, state(assignment)));
        });
    }

    /** The unit's office signs for an assignment; after the sign-for deadline it is recorded as late. */
    public Assignment signFor(UUID assignmentId) {
        Assignment assignment = get(assignmentId);
        if (assignment.status == AssignmentStatus.SIGNED) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " was already signed for on " + assignment.signedAt);
        }
        if (assignment.status == AssignmentStatus.ADJUSTED) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " ended with the unit's adjustment request");
        }
        if (adjustments.hasPending(assignmentId)) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " has an adjustment request awaiting the committee's decision");
        }
        OffsetDateTime now = clock.now();
        Map<String, Object> before = state(assignment);
        assignment.status = AssignmentStatus.SIGNED;
        assignment.signedAt = now;
        assignment.signedLate = now.toLocalDate().isAfter(assignment.signForDue);
        audit.record("AssignmentSigned", "Assignment", assignment.id, assignment.proposalId,
                AuditChanges.between(before, state(assignment)));
        events.publish(new AssignmentSigned(assignment.id, assignment.proposalId, assignment.unitId, now, assignment.signedLate));
        return assignment;
    }

    /** What the audit trail records of a proposal waiting to be assigned. */
    private static Map<String, Object> state(AssignableProposal p) {
        return AuditChanges.state("kind", p.kind, "number", p.number, "title", p.title, "proposerId", p.proposerId,
                "proposerName", p.proposerName, "submittedAt", p.submittedAt, "status", p.status);
    }

    /** What the audit trail records of an assignment. */
    static Map<String, Object> state(Assignment a) {
        return AuditChanges.state("proposalId", a.proposalId, "unitId", a.unitId, "unitName", a.unitName,
                "handlingType", a.handlingType, "leadUnitId", a.leadUnitId, "origin", a.origin, "status", a.status,
                "assignedAt", a.assignedAt, "adjustmentDue", a.adjustmentDue, "signForDue", a.signForDue,
                "firstContactDue", a.firstContactDue, "replyDue", a.replyDue, "signedAt", a.signedAt,
                "signedLate", a.signedLate, "divisionId", a.divisionId, "bureauHeadId", a.bureauHeadId,
                "deputyHeadId", a.deputyHeadId, "divisionHeadId", a.divisionHeadId, "handlerId", a.handlerId,
                "handlingRound", a.handlingRound, "firstContactAt", a.firstContactAt, "opinionSubmittedAt", a.opinionSubmittedAt,
                "repliedAt", a.repliedAt, "commitmentDue", a.commitmentDue, "commitmentMetAt", a.commitmentMetAt,
                "endedAt", a.endedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Assignment get(UUID assignmentId) {
        return assignments.findByIdOptional(assignmentId).orElseThrow(() -> ApiProblem.notFound("Assignment", assignmentId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> list(UUID proposalId, String unitId, AssignmentStatus status, int page, int size) {
        return assignments.list(proposalId, unitId, status, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID proposalId, String unitId, AssignmentStatus status) {
        return assignments.count(proposalId, unitId, status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignableProposal> awaitingAssignment(int page, int size) {
        return proposals.byStatus(AssignableProposal.Status.AWAITING_ASSIGNMENT, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countAwaitingAssignment() {
        return proposals.countByStatus(AssignableProposal.Status.AWAITING_ASSIGNMENT);
    }
}
