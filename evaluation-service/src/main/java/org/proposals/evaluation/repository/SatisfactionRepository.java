package org.proposals.evaluation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.evaluation.Satisfaction;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SatisfactionRepository implements PanacheRepositoryBase<Satisfaction, UUID> {

    /** The reply's ratings, earliest first. */
    public List<Satisfaction> findByReply(UUID replyId) {
        return list("replyId = ?1 order by recordedAt, id", replyId);
    }

    /** The proposer's rating of the unit's handling in that round. */
    public Optional<Satisfaction> findByRound(UUID proposalId, String unitId, int round, String proposerId) {
        return find("proposalId = ?1 and unitId = ?2 and round = ?3 and proposerId = ?4", proposalId, unitId, round, proposerId)
                .firstResultOptional();
    }
}
