package org.proposals.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proposals.events.ProposalKind;
import org.proposals.events.Proposer;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A state change with its audit record and its event, as a service would make them. */
@ApplicationScoped
public class ProbeService {

    @Inject
    EntityManager entityManager;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Transactional
    public void record(UUID id, String title) {
        entityManager.createNativeQuery("INSERT INTO probe_record (id) VALUES (?1)").setParameter(1, id).executeUpdate();
        audit.record("ProbeRecorded", "ProbeRecord", id, id, AuditChanges.of().set("title", title));
        events.publish(event(id, title));
    }

    /** A later action on the same record, as a revision of a proposal is: an event about it, nothing else. */
    @Transactional
    public void revise(UUID id, String title) {
        events.publish(new ProposalRevised(id, "20229999", title, new Proposer("m", "委员"), List.of(), List.of(),
                OffsetDateTime.now()));
    }

    @Transactional
    public void recordThenFail(UUID id) {
        record(id, "rolled back");
        throw new IllegalStateException("the change fails after its event was written");
    }

    static ProposalSubmitted event(UUID id, String title) {
        return new ProposalSubmitted(id, ProposalKind.PROPOSAL, "20229999", title, new Proposer("m", "委员"), OffsetDateTime.now());
    }
}
