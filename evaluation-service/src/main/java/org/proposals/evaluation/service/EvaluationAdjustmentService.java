package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.EvaluationAdjustment;
import org.proposals.events.Actor;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The office's adjustments of a unit's points sheet: added with the reason and withdrawn with the reason, each
 * audited; never edited or deleted.
 */
@ApplicationScoped
@Transactional
public class EvaluationAdjustmentService {

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    public EvaluationAdjustment add(String unitId, int year, BigDecimal points, String reason, Actor by) {
        EvaluationAdjustment adjustment = new EvaluationAdjustment();
        adjustment.id = UUID.randomUUID();
        adjustment.unitId = unitId;
        adjustment.year = year;
        adjustment.points = points.setScale(2, RoundingMode.UNNECESSARY);
        adjustment.reason = reason;
        adjustment.createdAt = clock.now();
        adjustment.createdById = by.id();
        adjustment.createdByName = by.name();
        adjustment.persist();
        audit.record("EvaluationAdjustmentAdded", "EvaluationAdjustment", adjustment.id, null,
                AuditChanges.created(state(adjustment)));
        return adjustment;
    }

    /** Withdraws an adjustment of that unit's sheet of that year: it stays on the sheet, marked, and stops counting. */
    public EvaluationAdjustment withdraw(String unitId, int year, UUID id, String reason, Actor by) {
        EvaluationAdjustment adjustment = EvaluationAdjustment.<EvaluationAdjustment>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(a -> a.unitId.equals(unitId) && a.year == year)
                .orElseThrow(() -> ApiProblem.notFound("Adjustment", id));
        if (adjustment.withdrawnAt != null) {
            throw ApiProblem.conflict("Adjustment " + id + " was withdrawn on " + adjustment.withdrawnAt + " by "
                    + adjustment.withdrawnByName + "; it no longer counts");
        }
        Map<String, Object> before = state(adjustment);
        adjustment.withdrawnAt = clock.now();
        adjustment.withdrawnById = by.id();
        adjustment.withdrawnByName = by.name();
        adjustment.withdrawalReason = reason;
        audit.record("EvaluationAdjustmentWithdrawn", "EvaluationAdjustment", adjustment.id, null,
                AuditChanges.between(before, state(adjustment)));
        return adjustment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EvaluationAdjustment> find(String unitId, int year, UUID id) {
        return EvaluationAdjustment.<EvaluationAdjustment>findByIdOptional(id)
                .filter(a -> a.unitId.equals(unitId) && a.year == year);
    }

    private static Map<String, Object> state(EvaluationAdjustment a) {
        return AuditChanges.state("unitId", a.unitId, "year", a.year, "points", a.points, "reason", a.reason,
                "createdAt", a.createdAt, "createdById", a.createdById, "withdrawnAt", a.withdrawnAt,
                "withdrawnById", a.withdrawnById, "withdrawalReason", a.withdrawalReason);
    }
}
