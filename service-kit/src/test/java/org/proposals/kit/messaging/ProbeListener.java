package org.proposals.kit.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often each event's effect was applied, with an audit record each time; an event titled
 * {@value #ALWAYS_FAILS} can never be applied, and one titled {@value #LOSES_ITS_CONNECTION} has its database
 * session ended by the server on its first {@value #CONNECTIONS_LOST} attempts, as in a database restart.
 */
@ApplicationScoped
public class ProbeListener {

    static final String ALWAYS_FAILS = "always fails";
    static final String LOSES_ITS_CONNECTION = "loses its connection";
    /** More than the inbox's attempts for an event that cannot be applied. */
    static final int CONNECTIONS_LOST = 5;

    private final Map<UUID, AtomicInteger> connectionsLost = new ConcurrentHashMap<>();

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
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive("probe-events", batch, handlers);
    }

    private void apply(ProposalSubmitted event) {
        if (ALWAYS_FAILS.equals(event.title())) {
            throw new IllegalStateException("this event cannot be applied");
        }
        if (LOSES_ITS_CONNECTION.equals(event.title())
                && connectionsLost.computeIfAbsent(event.proposalId(), id -> new AtomicInteger()).incrementAndGet() <= CONNECTIONS_LOST) {
            // the server ends this session (SQLState 57P01), as a restart does to every open session
            entityManager.createNativeQuery("SELECT pg_terminate_backend(pg_backend_pid())").getSingleResult();
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
