package org.proposals.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.assignment.AssignableProposal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssignableProposalRepository implements PanacheRepositoryBase<AssignableProposal, UUID> {

    /** Locks the proposal so that two concurrent assignments of it cannot both pass the checks. */
    public Optional<AssignableProposal> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<AssignableProposal> byStatus(AssignableProposal.Status status, int page, int size) {
        return find("status", Sort.ascending("submittedAt").and("number"), status).page(Page.of(page, size)).list();
    }

    public long countByStatus(AssignableProposal.Status status) {
        return count("status", status);
    }
}
