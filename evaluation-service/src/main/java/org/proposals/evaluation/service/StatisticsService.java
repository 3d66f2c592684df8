package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.HandlingStatistics;
import org.proposals.evaluation.repository.UnitHandlingRepository;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    @Inject
    UnitHandlingRepository handlings;

    /** The figures of one unit, of the proposals submitted in one year, or both; null means all. */
    public HandlingStatistics statistics(String unitId, Integer year) {
        return handlings.statistics(unitId, year);
    }
}
