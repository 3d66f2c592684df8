package org.proposals.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.assignment.ExtensionRequest;
import org.proposals.assignment.RequestStatus;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ExtensionRequestRepository implements PanacheRepositoryBase<ExtensionRequest, UUID> {

    public Optional<ExtensionRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean hasPending(UUID assignmentId) {
        return count("assignmentId = ?1 and status = ?2", assignmentId, RequestStatus.PENDING) > 0;
    }

    /** Oldest request first. */
    public PanacheQuery<ExtensionRequest> query(RequestStatus status, String unitId, UUID assignmentId) {
        ChangeRequestFilter filter = ChangeRequestFilter.of(status, unitId, assignmentId);
        return find(filter.where(), Sort.ascending("requestedAt"), filter.params());
    }
}
