package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proposals.events.MalformedEventException;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.events.proposal.ProposalMerged;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.reply.CaseOpened;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.KeyProposal;
import org.proposals.reply.MergedProposal;
import org.proposals.reply.repository.CaseRepository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    @Inject
    CaseRepository cases;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    /** An assignment opens the unit's case file; the same assignment again (re-delivered or re-published) changes nothing. */
    public void onAssigned(ProposalAssigned assigned) {
        if (assigned.assignmentId() == null || assigned.proposalId() == null || assigned.unitId() == null
                || assigned.handlingType() == null) {
            throw new MalformedEventException("ProposalAssigned lacks assignmentId, proposalId, unitId or handlingType");
        }
        if (cases.findByAssignment(assigned.assignmentId()).isPresent()) {
            LOG.infof("Case for assignment %s is already open; ProposalAssigned ignored", assigned.assignmentId());
            return;
        }
        HandlingCase handlingCase = new HandlingCase();
        handlingCase.id = UUID.randomUUID();
        handlingCase.assignmentId = assigned.assignmentId();
        handlingCase.proposalId = assigned.proposalId();
        handlingCase.proposalTitle = assigned.proposalTitle();
        if (assigned.proposer() != null) {
            handlingCase.proposerId = assigned.proposer().id();
            handlingCase.proposerName = assigned.proposer().name();
        }
        handlingCase.unitId = assigned.unitId();
        handlingCase.unitName = assigned.unitName();
        handlingCase.handlingType = assigned.handlingType();
        handlingCase.leadUnitId = assigned.leadUnitId();
        handlingCase.replyDueDate = assigned.replyDueDate();
        handlingCase.status = CaseStatus.OPEN;
        handlingCase.openedAt = clock.now();
        handlingCase.keyProposal = KeyProposal.findByIdOptional(assigned.proposalId()).isPresent();
        cases.persist(handlingCase);
        audit.record("ProposalAssignedApplied", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                AuditChanges.created(state(handlingCase)));
        events.publish(new CaseOpened(handlingCase.id, handlingCase.assignmentId, handlingCase.proposalId, handlingCase.unitId,
                handlingCase.handlingType, handlingCase.leadUnitId, handlingCase.openedAt));
    }

    /** The unit's office recorded (or changed) who answers for the assignment: the review chain follows them. */
    public void onResponsibilityAssigned(ResponsibilityAssigned chain) {
        HandlingCase handlingCase = caseOf(chain.assignmentId(), "ResponsibilityAssigned");
        Map<String, Object> before = state(handlingCase);
        handlingCase.divisionId = chain.divisionId();
        handlingCase.divisionName = chain.divisionName();
        handlingCase.bureauHeadId = idOf(chain.bureauHead());
        handlingCase.bureauHeadName = nameOf(chain.bureauHead());
        handlingCase.deputyHeadId = idOf(chain.deputyHead());
        handlingCase.deputyHeadName = nameOf(chain.deputyHead());
        handlingCase.divisionHeadId = idOf(chain.divisionHead());
        handlingCase.divisionHeadName = nameOf(chain.divisionHead());
        handlingCase.handlerId = idOf(chain.handler());
        handlingCase.handlerName = nameOf(chain.handler());
        handlingCase.responsibilityAt = chain.assignedAt();
        audit.record("ResponsibilityAssignedApplied", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                AuditChanges.between(before, state(handlingCase)));
    }

    /** The committee granted the unit's adjustment request: the unit's case ends, its drafts stay on record. */
    public void onAdjusted(AssignmentAdjusted adjusted) {
        HandlingCase handlingCase = caseOf(adjusted.assignmentId(), "AssignmentAdjusted");
        if (!handlingCase.isLive()) {
            return;
        }
        Map<String, Object> before = state(handlingCase);
        handlingCase.status = CaseStatus.ENDED;
        handlingCase.endedAt = adjusted.adjustedAt();
        handlingCase.endNote = adjusted.decisionNote();
        audit.record("AssignmentAdjustedApplied", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                AuditChanges.between(before, state(handlingCase)));
    }

    /** The proposal became a key proposal: its cases, open now or later, are reviewed by the bureau head too. */
    public void onSupervised(ProposalSupervised supervised) {
        KeyProposal key = KeyProposal.findById(supervised.proposalId());
        boolean known = key != null;
        if (!known) {
            key = new KeyProposal();
            key.proposalId = supervised.proposalId();
        }
        key.leaderName = supervised.leaderName();
        key.supervisedAt = supervised.supervisedAt() != null ? supervised.supervisedAt() : clock.now();
        if (!known) {
            key.persist();
        }
        for (HandlingCase handlingCase : cases.ofProposal(supervised.proposalId())) {
            if (!handlingCase.keyProposal) {
                handlingCase.keyProposal = true;
                audit.record("ProposalSupervisedApplied", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                        AuditChanges.of().set("keyProposal", false, true));
            }
        }
    }

    /** A proposal merged into another: its proposer will receive the reply to that one as well. */
    public void onMerged(ProposalMerged merged) {
        if (MergedProposal.findByIdOptional(merged.proposalId()).isPresent()) {
            return;
        }
        MergedProposal record = new MergedProposal();
        record.proposalId = merged.proposalId();
        record.intoProposalId = merged.intoProposalId();
        record.number = merged.number();
        record.proposerId = merged.proposer() == null ? null : merged.proposer().id();
        record.proposerName = merged.proposer() == null ? null : merged.proposer().name();
        record.mergedAt = merged.mergedAt();
        record.persist();
        audit.record("ProposalMergedApplied", "MergedProposal", record.proposalId, record.intoProposalId,
                AuditChanges.created(AuditChanges.state("proposalId", record.proposalId, "intoProposalId", record.intoProposalId,
                        "proposerId", record.proposerId, "proposerName", record.proposerName)));
    }

    /**
     * The proposal was reopened for re-handling: the named units that reply to the proposer handle it again in a
     * new round, and owe a new formal reply; earlier rounds' replies stay on record.
     */
    public void onReopened(ProposalReopened reopened) {
        for (HandlingCase handlingCase : cases.ofProposal(reopened.proposalId())) {
            if (!reopened.unitIds().contains(handlingCase.unitId) || !handlingCase.handlingType.repliesToProposer()
                    || !handlingCase.isLive() || handlingCase.handlingRound >= reopened.round()) {
                continue;
            }
            Map<String, Object> before = state(handlingCase);
            handlingCase.handlingRound = reopened.round();
            handlingCase.status = CaseStatus.OPEN;
            audit.record("ProposalReopenedApplied", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                    AuditChanges.between(before, state(handlingCase)));
        }
    }

    /** The unit's new round started with its own deadline: the case's reply is due then. */
    public void onRehandlingStarted(RehandlingStarted started) {
        HandlingCase handlingCase = caseOf(started.assignmentId(), "RehandlingStarted");
        Map<String, Object> before = state(handlingCase);
        handlingCase.replyDueDate = started.replyDue();
        audit.record("RehandlingStartedApplied", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                AuditChanges.between(before, state(handlingCase)));
    }

    /** The case of an assignment named by an event; assignment events arrive in order, so it is open already. */
    private HandlingCase caseOf(UUID assignmentId, String eventType) {
        return cases.findByAssignment(assignmentId).orElseThrow(() -> new MalformedEventException(
                eventType + " names assignment " + assignmentId + ", which opened no case here"));
    }

    private static String idOf(ResponsibilityAssigned.Person person) {
        return person == null ? null : person.id();
    }

    private static String nameOf(ResponsibilityAssigned.Person person) {
        return person == null ? null : person.name();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HandlingCase get(UUID caseId) {
        return cases.findByIdOptional(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HandlingCase> list(UUID proposalId, String unitId, int page, int size) {
        return cases.list(proposalId, unitId, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID proposalId, String unitId) {
        return cases.count(proposalId, unitId);
    }

    /** What the audit trail records of a case file. */
    static Map<String, Object> state(HandlingCase c) {
        return AuditChanges.state("assignmentId", c.assignmentId, "proposalId", c.proposalId, "proposalTitle", c.proposalTitle,
                "proposerId", c.proposerId, "proposerName", c.proposerName, "unitId", c.unitId, "unitName", c.unitName,
                "handlingType", c.handlingType, "leadUnitId", c.leadUnitId, "replyDueDate", c.replyDueDate,
                "status", c.status, "openedAt", c.openedAt, "divisionId", c.divisionId, "bureauHeadId", c.bureauHeadId,
                "deputyHeadId", c.deputyHeadId, "divisionHeadId", c.divisionHeadId, "handlerId", c.handlerId,
                "keyProposal", c.keyProposal, "handlingRound", c.handlingRound, "endedAt", c.endedAt, "endNote", c.endNote);
    }
}
