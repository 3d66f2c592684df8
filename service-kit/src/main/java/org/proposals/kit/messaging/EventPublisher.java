package org.proposals.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proposals.events.EventCatalog;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.ProposalEvent;

import java.util.Map;

/**
 * Publishes an integration event by writing it to the outbox in the caller's transaction: the event
 * leaves if and only if the state change it reports commits.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Object WAKE_KEY = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    EventContext context;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCommit afterCommit;

    @Inject
    TraceHeaders trace;

    @Inject
    ProposalTraces proposalTraces;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(IntegrationEvent event) {
        // Write the pending state change first so that its row locks order events of one aggregate.
        entityManager.flush();
        EventEnvelope envelope = EventCodec.envelope(event, context.correlationId(), context.causationId(), context.actor());
        // The current span (the request's, or the handling of the event that caused this one) goes with the
        // row, so that the trace continues in the consumers however long the event waits in the outbox.
        // An event about a proposal goes in the proposal's own trace, linked to the current one.
        Map<String, String> traceContext = event instanceof ProposalEvent about && about.proposalId() != null
                ? proposalTraces.forPublishing(about.proposalId(), envelope.type())
                : trace.current();
        entityManager.persist(new OutboxEvent(EventCatalog.contractOf(event.getClass()).topic(), envelope, traceContext));
        wakeRelayAfterCommit();
        return envelope;
    }

    private void wakeRelayAfterCommit() {
        afterCommit.once(WAKE_KEY, relay::wake);
    }
}
