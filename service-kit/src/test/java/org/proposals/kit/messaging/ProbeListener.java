package org.proposals.kit.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;

/**
 * Counts how often each event's effect was applied, with an audit record each time; an event titled
 * {@value #ALWAYS_FAILS} can never be applied.
 */
@ApplicationScoped
public class ProbeListener {

    static final String ALWAYS_FAILS = "always fails";

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    private final EventHandlers handlers = EventHandlers.builder()
            .on(ProposalSubmitted.class, (event, envelope) -> apply(event))
            .build();

    @Incoming("probe-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive("probe-events", record, handlers);
    }

    private void apply(ProposalSubmitted event) {
        if (ALWAYS_FAILS.equals(event.title())) {
            throw new IllegalStateException("this event cannot be applied");
        }
        int times = ((Number) entityManager.createNativeQuery("""
                        INSERT INTO probe_applied (proposal_id, times) VALUES (?1, 1)
                        ON CONFLICT (proposal_id) DO UPDATE SET times = probe_applied.times + 1
                        RETURNING times""")
                .setParameter(1, event.proposalId())
                .getSingleResult()).intValue();
        audit.record("ProposalSubmittedApplied", "ProbeApplied", event.proposalId(), event.proposalId(),
                AuditChanges.of().set("times", times == 1 ? null : times - 1, times));
    }
}
