package org.proposals.reply.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.events.HandlingType;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.CoHandlingOpinion;
import org.proposals.reply.HandlingCase;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OpinionRepository implements PanacheRepositoryBase<CoHandlingOpinion, UUID> {

    public Optional<CoHandlingOpinion> findByCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }

    /** The opinions (or waivers) of these co-handling cases, in one query. */
    public List<CoHandlingOpinion> ofCases(Collection<UUID> caseIds) {
        return caseIds.isEmpty() ? List.of() : list("caseId in ?1", caseIds);
    }

    /** The live co-handling cases of a proposal that send their opinion to this lead unit, by unit. */
    public List<HandlingCase> liveCoHandlers(UUID proposalId, String leadUnitId) {
        return HandlingCase.list("proposalId = :proposalId and handlingType = :type and leadUnitId = :lead"
                        + " and status <> :ended order by unitId, openedAt, id",
                Parameters.with("proposalId", proposalId).and("type", HandlingType.CO_HANDLING)
                        .and("lead", leadUnitId).and("ended", CaseStatus.ENDED));
    }

    /** One unit's live co-handling case of a proposal under this lead unit, its row locked until the transaction ends. */
    public Optional<HandlingCase> liveCoHandlerForUpdate(UUID proposalId, String leadUnitId, String unitId) {
        return HandlingCase.<HandlingCase>find("proposalId = :proposalId and handlingType = :type and leadUnitId = :lead"
                                + " and unitId = :unit and status <> :ended order by openedAt, id",
                        Parameters.with("proposalId", proposalId).and("type", HandlingType.CO_HANDLING)
                                .and("lead", leadUnitId).and("unit", unitId).and("ended", CaseStatus.ENDED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
