package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.Actor;
import org.proposals.events.HandlingType;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.CoHandlingOpinion;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.repository.CaseRepository;
import org.proposals.reply.repository.OpinionRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Co-handling opinions (会办意见): a co-handling unit sends its opinion to the lead unit, never to the proposer; the
 * lead unit sees which opinions it has and which it still waits for, and its division head may stop waiting for one.
 */
@ApplicationScoped
@Transactional
public class OpinionService {

    @Inject
    CaseRepository cases;

    @Inject
    OpinionRepository opinions;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    @Inject
    OpinionConfig config;

    /**
     * The co-handling unit's handler submits its opinion: the named handler once the chain is recorded, any handler of
     * the unit until then. One opinion per case; the case becomes OPINION_SUBMITTED and CoHandlingOpinionSubmitted
     * stops the unit's opinion clock. The lead unit's case need not be open yet.
     */
    public CoHandlingOpinion submit(UUID caseId, Actor author, String text, List<String> suggestions) {
        HandlingCase coCase = cases.findForUpdate(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
        if (!coCase.isHandledBy(author.id())) {
            throw ApiProblem.forbidden("only the case's named handler, " + coCase.handlerName + ", submits its opinion");
        }
        if (coCase.handlingType != HandlingType.CO_HANDLING) {
            throw ApiProblem.conflict("only a co-handling unit submits an opinion to the lead unit; this case is "
                    + coCase.handlingType);
        }
        if (!coCase.isLive()) {
            throw ApiProblem.conflict("case " + caseId + " ended with an adjustment: no opinion is expected of the unit");
        }
        opinions.findByCase(caseId).ifPresent(existing -> {
            throw ApiProblem.conflict(existing.state == OpinionState.WAIVED
                    ? "the lead unit waived this opinion on " + existing.waivedAt + ": " + existing.waiverReason
                    : "the unit's opinion was submitted on " + existing.submittedAt);
        });
        OffsetDateTime now = clock.now();
        CoHandlingOpinion opinion = CoHandlingOpinion.submitted(coCase, text.strip(),
                suggestions == null ? List.of() : suggestions.stream().map(String::strip).toList(),
                author.id(), author.name(), now);
        opinions.persist(opinion);
        audit.record("CoHandlingOpinionSubmitted", "CoHandlingOpinion", opinion.id, coCase.proposalId,
                AuditChanges.created(state(opinion)));
        CaseStatus before = coCase.status;
        coCase.status = CaseStatus.OPINION_SUBMITTED;
        audit.record("CoHandlingOpinionSubmitted", "HandlingCase", coCase.id, coCase.proposalId,
                AuditChanges.of().set("status", before, coCase.status));
        events.publish(new CoHandlingOpinionSubmitted(opinion.id, coCase.id, coCase.assignmentId, coCase.proposalId,
                coCase.unitId, coCase.leadUnitId, now));
        return opinion;
    }

    /**
     * The lead unit's division head stops waiting for a co-handling unit's opinion, with a reason: the named division
     * head of the lead case once the chain is recorded, any division head of the lead unit until then.
     */
    public CoHandlingOpinion waive(UUID leadCaseId, Actor head, String unitId, String reason) {
        HandlingCase lead = cases.findForUpdate(leadCaseId).orElseThrow(() -> ApiProblem.notFound("Case", leadCaseId));
        if (lead.divisionHeadId != null && !lead.divisionHeadId.equals(head.id())) {
            throw ApiProblem.forbidden("only the case's named division head, " + lead.divisionHeadName + ", waives an opinion");
        }
        if (lead.handlingType != HandlingType.LEAD) {
            throw ApiProblem.conflict("only the lead unit waits for co-handling opinions; this case is " + lead.handlingType);
        }
        if (!lead.isLive()) {
            throw ApiProblem.conflict("case " + leadCaseId + " ended with an adjustment");
        }
        HandlingCase coCase = opinions.liveCoHandlerForUpdate(lead.proposalId, lead.unitId, unitId.strip())
                .orElseThrow(() -> ApiProblem.conflict("unit " + unitId + " is not a live co-handling unit of this proposal"
                        + " sending its opinion to " + lead.unitId));
        opinions.findByCase(coCase.id).ifPresent(existing -> {
            throw ApiProblem.conflict("unit " + coCase.unitId + "'s opinion is already " + existing.state);
        });
        CoHandlingOpinion waiver = CoHandlingOpinion.waived(coCase, reason.strip(), head.id(), head.name(), clock.now());
        opinions.persist(waiver);
        audit.record("CoHandlingOpinionWaived", "CoHandlingOpinion", waiver.id, coCase.proposalId,
                AuditChanges.created(state(waiver)));
        return waiver;
    }

    /**
     * The opinions a lead case expects: one per live co-handling case of its proposal that sends its opinion to the
     * lead case's unit, pending, submitted or waived. Empty for a case that is not a LEAD case.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExpectedOpinion> expectedFor(HandlingCase leadCase) {
        if (leadCase.handlingType != HandlingType.LEAD) {
            return List.of();
        }
        List<HandlingCase> coHandlers = opinions.liveCoHandlers(leadCase.proposalId, leadCase.unitId);
        Map<UUID, CoHandlingOpinion> byCase = opinions.ofCases(coHandlers.stream().map(c -> c.id).toList()).stream()
                .collect(Collectors.toMap(o -> o.caseId, Function.identity()));
        return coHandlers.stream().map(c -> expected(c, byCase.get(c.id))).toList();
    }

    /**
     * The opinions shown on a case: for a lead case those it expects, for a co-handling case its own (pending while
     * live and not in), for any other case none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExpectedOpinion> shownOn(HandlingCase handlingCase) {
        if (handlingCase.handlingType == HandlingType.LEAD) {
            return expectedFor(handlingCase);
        }
        if (handlingCase.handlingType != HandlingType.CO_HANDLING) {
            return List.of();
        }
        CoHandlingOpinion own = opinions.findByCase(handlingCase.id).orElse(null);
        return own == null && !handlingCase.isLive() ? List.of() : List.of(expected(handlingCase, own));
    }

    /** One submitted opinion or waiver as shown on this case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExpectedOpinion shownOn(HandlingCase handlingCase, UUID opinionId) {
        return shownOn(handlingCase).stream().filter(e -> opinionId.equals(e.opinionId())).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Opinion", opinionId));
    }

    private ExpectedOpinion expected(HandlingCase coCase, CoHandlingOpinion opinion) {
        return new ExpectedOpinion(coCase.unitId, coCase.unitName, coCase.id,
                opinion == null ? OpinionState.PENDING : opinion.state, opinion == null ? null : opinion.id,
                dueDate(coCase), opinion);
    }

    /** The co-handling unit's opening day in the city, plus reply.opinions.due-within. */
    private LocalDate dueDate(HandlingCase coCase) {
        return coCase.openedAt.atZoneSameInstant(clock.zone()).toLocalDate().plus(config.dueWithin());
    }

    private static Map<String, Object> state(CoHandlingOpinion o) {
        return AuditChanges.state("caseId", o.caseId, "assignmentId", o.assignmentId, "proposalId", o.proposalId,
                "unitId", o.unitId, "leadUnitId", o.leadUnitId, "state", o.state, "text", o.text,
                "suggestions", o.suggestions.isEmpty() ? null : List.copyOf(o.suggestions),
                "submittedById", o.submittedById, "submittedAt", o.submittedAt,
                "waiverReason", o.waiverReason, "waivedById", o.waivedById, "waivedAt", o.waivedAt);
    }
}
