package org.proposals.reply.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.reply.HandlingCase;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<HandlingCase, UUID> {

    public Optional<HandlingCase> findByAssignment(UUID assignmentId) {
        return find("assignmentId", assignmentId).firstResultOptional();
    }

    /** Every case of a proposal, one per unit it was assigned to, rows locked: the events that change them all come one at a time. */
    public List<HandlingCase> ofProposal(UUID proposalId) {
        return find("proposalId", Sort.by("openedAt").and("id"), proposalId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The case with its row locked until the transaction ends: changes to one case's replies happen one at a time. */
    public Optional<HandlingCase> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<HandlingCase> list(UUID proposalId, String unitId, int page, int size) {
        return query(proposalId, unitId).page(Page.of(page, size)).list();
    }

    public long count(UUID proposalId, String unitId) {
        return query(proposalId, unitId).count();
    }

    private PanacheQuery<HandlingCase> query(UUID proposalId, String unitId) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (proposalId != null) {
            where.append(" and proposalId = :proposalId");
            params.and("proposalId", proposalId);
        }
        if (unitId != null) {
            where.append(" and unitId = :unitId");
            params.and("unitId", unitId);
        }
        return find(where.toString(), Sort.descending("openedAt").and("id"), params);
    }
}
