package org.proposals.evaluation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.evaluation.Satisfaction;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SatisfactionRepository implements PanacheRepositoryBase<Satisfaction, UUID> {

    public Optional<Satisfaction> findByReply(UUID replyId) {
        return find("replyId", replyId).firstResultOptional();
    }
}
