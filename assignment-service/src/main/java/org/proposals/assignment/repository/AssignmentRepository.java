package org.proposals.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public List<Assignment> list(UUID proposalId, String unitId, AssignmentStatus status, int page, int size) {
        return query(proposalId, unitId, status).page(Page.of(page, size)).list();
    }

    public long count(UUID proposalId, String unitId, AssignmentStatus status) {
        return query(proposalId, unitId, status).count();
    }

    public java.util.Optional<Assignment> findForUpdate(UUID id) {
        return findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** The assignments of a proposal that have not ended, i.e. the units handling it now. */
    public List<Assignment> live(UUID proposalId) {
        return list("proposalId = ?1 and endedAt is null", Sort.ascending("assignedAt", "unitId"), proposalId);
    }

    /**
     * The unit's assignment of the proposal that did not end with an adjustment, locked; the latest should the unit
     * hold more than one.
     */
    public java.util.Optional<Assignment> currentOfUnitForUpdate(UUID proposalId, String unitId) {
        return find("proposalId = ?1 and unitId = ?2 and status <> ?3", Sort.descending("assignedAt"),
                proposalId, unitId, AssignmentStatus.ADJUSTED)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Assignments with a clock still running: not yet signed for, or owing a reply not yet approved. */
    public List<Assignment> withOpenDeadlines() {
        return open(null, null, null);
    }

    /**
     * The open assignments — not signed for, owing a first contact, a reply or a promised measure, or (for
     * co-handlers) an opinion — of one unit, division or handler where given, the earliest reply due first.
     */
    public List<Assignment> open(String unitId, String divisionId, String handlerId) {
        Parameters params = Parameters.with("adjusted", AssignmentStatus.ADJUSTED).and("assigned", AssignmentStatus.ASSIGNED)
                .and("replying", List.of(org.proposals.events.HandlingType.SOLE, org.proposals.events.HandlingType.LEAD,
                        org.proposals.events.HandlingType.SPLIT));
        StringBuilder where = new StringBuilder(
                "status <> :adjusted and (status = :assigned"
                        + " or (handlingType in :replying and (repliedAt is null or firstContactAt is null"
                        + "     or (commitmentDue is not null and commitmentMetAt is null)))"
                        + " or (handlingType not in :replying and opinionSubmittedAt is null))");
        if (unitId != null) {
            where.append(" and unitId = :unitId");
            params.and("unitId", unitId);
        }
        if (divisionId != null) {
            where.append(" and divisionId = :divisionId");
            params.and("divisionId", divisionId);
        }
        if (handlerId != null) {
            where.append(" and handlerId = :handlerId");
            params.and("handlerId", handlerId);
        }
        return list(where.toString(), Sort.ascending("replyDue", "assignedAt"), params);
    }

    public long countForProposal(UUID proposalId) {
        return count("proposalId", proposalId);
    }

    private PanacheQuery<Assignment> query(UUID proposalId, String unitId, AssignmentStatus status) {
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
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return find(where.toString(), Sort.descending("assignedAt").and("unitId"), params);
    }
}
