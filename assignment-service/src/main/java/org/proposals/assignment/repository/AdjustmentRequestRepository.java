package org.proposals.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.assignment.AdjustmentRequest;
import org.proposals.assignment.RequestStatus;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AdjustmentRequestRepository implements PanacheRepositoryBase<AdjustmentRequest, UUID> {

    public Optional<AdjustmentRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean hasPending(UUID assignmentId) {
        return count("assignmentId = ?1 and status = ?2", assignmentId, RequestStatus.PENDING) > 0;
    }

    /** Of the given assignments, those with an adjustment request awaiting the committee's decision. */
    public Set<UUID> withPending(Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery(
                        "select r.assignmentId from AdjustmentRequest r where r.status = ?1 and r.assignmentId in ?2", UUID.class)
                .setParameter(1, RequestStatus.PENDING)
                .setParameter(2, assignmentIds)
                .getResultList());
    }

    /** The committee's worklist order: the decision due first. */
    public PanacheQuery<AdjustmentRequest> query(RequestStatus status, String unitId, UUID assignmentId) {
        ChangeRequestFilter filter = ChangeRequestFilter.of(status, unitId, assignmentId);
        return find(filter.where(), Sort.ascending("decisionDue", "requestedAt"), filter.params());
    }
}
