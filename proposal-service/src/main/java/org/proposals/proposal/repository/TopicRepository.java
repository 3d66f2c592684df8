package org.proposals.proposal.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.proposal.Topic;

import java.util.List;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, String> {

    public List<Topic> inOrder(boolean includeRetired) {
        Sort order = Sort.ascending("position", "code");
        return includeRetired ? listAll(order) : list("active", order, true);
    }
}
