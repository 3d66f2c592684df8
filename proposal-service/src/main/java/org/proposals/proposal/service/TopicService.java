package org.proposals.proposal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.rest.Versions;
import org.proposals.proposal.Topic;
import org.proposals.proposal.repository.TopicRepository;

import java.util.List;
import java.util.Map;

/** The committee's topic taxonomy: topics are added, renamed, reordered and retired, never deleted. */
@ApplicationScoped
@Transactional
public class TopicService {

    public record TopicDetails(String name, String nameEn, int position, boolean active) {
    }

    /** The topic as it now is, and whether this call created it. */
    public record Saved(Topic topic, boolean created) {
    }

    @Inject
    TopicRepository topics;

    @Inject
    AuditTrail audit;

    public Saved save(String code, long expectedVersion, TopicDetails details) {
        Topic topic = topics.findByIdOptional(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).orElse(null);
        boolean created = topic == null;
        Map<String, Object> before = created ? Map.of() : state(topic);
        if (created) {
            topic = new Topic();
            topic.code = code;
        } else {
            Versions.require(topic.version, expectedVersion, "Topic " + code);
        }
        topic.name = details.name().strip();
        topic.nameEn = details.nameEn() == null || details.nameEn().isBlank() ? null : details.nameEn().strip();
        topic.position = details.position();
        topic.active = details.active();
        if (created) {
            topics.persist(topic);
        }
        topics.flush();
        audit.record(created ? "TopicCreated" : "TopicUpdated", "Topic", code, null,
                created ? AuditChanges.created(state(topic)) : AuditChanges.between(before, state(topic)));
        return new Saved(topic, created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Topic> list(boolean includeRetired) {
        return topics.inOrder(includeRetired);
    }

    private static Map<String, Object> state(Topic t) {
        return AuditChanges.state("name", t.name, "nameEn", t.nameEn, "position", t.position, "active", t.active);
    }
}
