package org.proposals.proposal.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.events.ProposalKind;
import org.proposals.proposal.ProposalSession;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ProposalSession, UUID> {

    public List<ProposalSession> list(ProposalKind kind, Integer year) {
        Sort newestFirst = Sort.descending("year", "term", "sessionNumber").and("kind");
        if (kind != null && year != null) {
            return list("kind = ?1 and year = ?2", newestFirst, kind, year);
        } else if (kind != null) {
            return list("kind", newestFirst, kind);
        } else if (year != null) {
            return list("year", newestFirst, year);
        }
        return listAll(newestFirst);
    }

    public Optional<ProposalSession> find(ProposalKind kind, int term, int sessionNumber) {
        return find("kind = ?1 and term = ?2 and sessionNumber = ?3", kind, term, sessionNumber).firstResultOptional();
    }

    public Optional<ProposalSession> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean hasProposals(UUID id) {
        return getEntityManager().createQuery("select count(p) from Proposal p where p.session.id = ?1", Long.class)
                .setParameter(1, id).getSingleResult() > 0;
    }
}
