package org.proposals.reply.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.events.HandlingType;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.HandlingCase;

import java.util.Arrays;
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

    /** Cases of units that reply to the proposer, for their own proposals and those theirs were merged into. */
    public List<HandlingCase> addressedTo(String proposerId, int page, int size) {
        return find(ADDRESSED_TO, Sort.descending("openedAt").and("id"), Parameters.with("proposerId", proposerId)
                .and("replying", REPLYING).and("ended", CaseStatus.ENDED)).page(Page.of(page, size)).list();
    }

    public long countAddressedTo(String proposerId) {
        return count(ADDRESSED_TO, Parameters.with("proposerId", proposerId).and("replying", REPLYING).and("ended", CaseStatus.ENDED));
    }

    private static final List<HandlingType> REPLYING = Arrays.stream(HandlingType.values())
            .filter(HandlingType::repliesToProposer).toList();

    private static final String ADDRESSED_TO = "handlingType in :replying and status <> :ended"
            + " and (proposerId = :proposerId or proposalId in"
            + " (select m.intoProposalId from MergedProposal m where m.proposerId = :proposerId))";

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
