package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proposals.events.MalformedEventException;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.Reply;
import org.proposals.reply.ReplyStatus;
import org.proposals.reply.repository.CaseRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    CaseRepository cases;

    @Inject
    EventPublisher events;

    @Inject
    ReplyConfig config;

    Clock clock = Clock.system(CITY_ZONE);

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
        handlingCase.openedAt = now();
        cases.persist(handlingCase);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reply reply(UUID caseId, UUID replyId) {
        return get(caseId).reply(replyId).orElseThrow(() -> ApiProblem.notFound("Reply", replyId));
    }

    /**
     * The handler drafts a reply to the proposer. Only units that reply to the proposer may, and only until
     * their formal reply is approved; a reply too short to say what was done is sent back.
     */
    public Reply draftReply(UUID caseId, NewReply draft) {
        String text = reviewedText(draft.text());
        HandlingCase handlingCase = cases.findForUpdate(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
        if (!handlingCase.handlingType.repliesToProposer()) {
            throw ApiProblem.conflict("co-handling units send an opinion to the lead unit, not a reply");
        }
        if (handlingCase.status == CaseStatus.REPLIED) {
            throw ApiProblem.conflict("case " + caseId + " already has an approved reply");
        }
        return handlingCase.addDraft(draft.resultCategory(), text, now());
    }

    /** A draft passes review: it becomes the formal reply, the case is replied and ReplyApproved announces it. */
    public Reply approve(UUID caseId, UUID replyId) {
        HandlingCase handlingCase = cases.findForUpdate(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
        Reply reply = handlingCase.reply(replyId).orElseThrow(() -> ApiProblem.notFound("Reply", replyId));
        if (reply.status != ReplyStatus.DRAFT) {
            throw ApiProblem.conflict("reply " + replyId + " is " + reply.status + ", only a DRAFT can be approved");
        }
        if (handlingCase.status == CaseStatus.REPLIED) {
            throw ApiProblem.conflict("case " + caseId + " already has an approved reply");
        }
        OffsetDateTime now = now();
        handlingCase.approve(reply, now);
        events.publish(new ReplyApproved(reply.id, handlingCase.id, handlingCase.assignmentId, handlingCase.proposalId,
                handlingCase.unitId, handlingCase.handlingType, reply.resultCategory, now));
        return reply;
    }

    /** Microseconds, as the database keeps them, so that an event and the row it reports show the same instant. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private String reviewedText(String text) {
        String stripped = text == null ? "" : text.strip();
        int minLength = config.quality().minLength();
        if (stripped.codePointCount(0, stripped.length()) < minLength) {
            throw ApiProblem.invalid("text", "must be at least " + minLength
                    + " characters: a reply that is too short, perfunctory or empty is sent back");
        }
        return stripped;
    }
}
