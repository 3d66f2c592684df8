package org.proposals.reply.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proposals.events.Actor;
import org.proposals.kit.messaging.RequestTrace;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.security.Access;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.service.CaseService;

import java.util.UUID;

/** Whose case files a caller may see: their own unit's, all for overseers; another's answers 404 as if it did not exist. */
@ApplicationScoped
public class CaseAccess {

    @Inject
    CaseService cases;

    @Inject
    RequestTrace trace;

    /** The case file, if the caller works in its unit or oversees every unit. */
    public HandlingCase visible(UUID caseId) {
        HandlingCase handlingCase = cases.get(caseId);
        if (!Access.seesUnit(trace.actor(), handlingCase.unitId)) {
            throw ApiProblem.notFound("Case", caseId);
        }
        return handlingCase;
    }

    /** As {@link #visible}, and also to the proposer it is addressed to (a unit that replies to them). */
    public HandlingCase visibleToItsProposer(UUID caseId) {
        Actor actor = trace.actor();
        if (Access.isOnlyProposer(actor)) {
            HandlingCase handlingCase = cases.get(caseId);
            if (!handlingCase.handlingType.repliesToProposer() || !actor.id().equals(handlingCase.proposerId)) {
                throw ApiProblem.notFound("Case", caseId);
            }
            return handlingCase;
        }
        return visible(caseId);
    }
}
