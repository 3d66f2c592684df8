package org.proposals.proposal.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.events.ProposalKind;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalStatus;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    /** The next number of a kind in a year, e.g. 20220024: the row lock makes concurrent registrations wait, so there are no gaps. */
    public String nextNumber(ProposalKind kind, int year) {
        Number next = (Number) getEntityManager().createNativeQuery("""
                        INSERT INTO proposal_number_sequence (kind, year, last_used) VALUES (?1, ?2, 1)
                        ON CONFLICT (kind, year) DO UPDATE SET last_used = proposal_number_sequence.last_used + 1
                        RETURNING last_used""")
                .setParameter(1, kind.name())
                .setParameter(2, year)
                .getSingleResult();
        return String.format("%d%04d", year, next.intValue());
    }

    public List<Proposal> list(ProposalStatus status, String proposerId, int page, int size) {
        return query(status, proposerId).page(Page.of(page, size)).list();
    }

    public long count(ProposalStatus status, String proposerId) {
        return query(status, proposerId).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Proposal> query(ProposalStatus status, String proposerId) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (proposerId != null) {
            where.append(" and proposerId = :proposerId");
            params.and("proposerId", proposerId);
        }
        return find(where.toString(), Sort.descending("submittedAt").and("number"), params);
    }
}
