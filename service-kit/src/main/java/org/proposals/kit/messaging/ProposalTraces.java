package org.proposals.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps one trace per proposal (table {@code proposal_trace}): the trace of the first event about it that this
 * service published or applied. An event about a known proposal is published in the proposal's trace, so that
 * registration, assignment, replies and ratings, each its own request, form one trace across the services.
 */
@ApplicationScoped
public class ProposalTraces {

    @Inject
    EntityManager entityManager;

    @Inject
    TraceHeaders trace;

    /**
     * The trace context to publish an event about {@code proposalId} in: the proposal's trace, continued by a span
     * that links the current one; or, for a proposal not seen before, the current context, which becomes its trace.
     */
    public Map<String, String> forPublishing(UUID proposalId, String eventType) {
        Map<String, String> current = trace.current();
        Map<String, String> known = rememberOrFind(proposalId, current);
        if (known.isEmpty()) {
            return current;
        }
        return trace.continueIn(known, "proposal " + eventType, proposalId.toString());
    }

    /** Takes the current trace as the proposal's when it has none yet: an event about it is being applied. */
    public void rememberCurrent(UUID proposalId) {
        remember(proposalId, trace.current());
    }

    private void remember(UUID proposalId, Map<String, String> context) {
        String traceParent = context.get(TraceHeaders.TRACEPARENT);
        if (traceParent == null) {
            return; // outside a trace: the proposal's trace is the next one that comes
        }
        entityManager.createNativeQuery("""
                        INSERT INTO proposal_trace (proposal_id, trace_parent, trace_state) VALUES (?1, ?2, ?3)
                        ON CONFLICT (proposal_id) DO NOTHING""")
                .setParameter(1, proposalId)
                .setParameter(2, traceParent)
                .setParameter(3, context.get(TraceHeaders.TRACESTATE))
                .executeUpdate();
    }

    /*
     * One round trip whether the proposal is new or known: the insert takes the current context as its trace when it
     * has none, and the select, which does not see that insert (one snapshot), returns the trace it already had.
     */
    private Map<String, String> rememberOrFind(UUID proposalId, Map<String, String> current) {
        String traceParent = current.get(TraceHeaders.TRACEPARENT);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = traceParent == null
                ? entityManager.createNativeQuery("SELECT trace_parent, trace_state FROM proposal_trace WHERE proposal_id = ?1")
                        .setParameter(1, proposalId)
                        .getResultList()
                : entityManager.createNativeQuery("""
                                WITH taken AS (
                                    INSERT INTO proposal_trace (proposal_id, trace_parent, trace_state) VALUES (?1, ?2, ?3)
                                    ON CONFLICT (proposal_id) DO NOTHING RETURNING proposal_id)
                                SELECT trace_parent, trace_state FROM proposal_trace
                                WHERE proposal_id = ?1 AND NOT EXISTS (SELECT 1 FROM taken)""")
                        .setParameter(1, proposalId)
                        .setParameter(2, traceParent)
                        .setParameter(3, current.get(TraceHeaders.TRACESTATE))
                        .getResultList();
        Map<String, String> context = new HashMap<>(2);
        if (!rows.isEmpty()) {
            context.put(TraceHeaders.TRACEPARENT, (String) rows.get(0)[0]);
            if (rows.get(0)[1] != null) {
                context.put(TraceHeaders.TRACESTATE, (String) rows.get(0)[1]);
            }
        }
        return context;
    }
}
