package org.proposals.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Proposals whose trace is kept in memory: the most recently used, enough for a session's surge. */
    static final int REMEMBERED = 20_000;

    @Inject
    EntityManager entityManager;

    @Inject
    TraceHeaders trace;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AfterCommit afterCommit;

    /*
     * A proposal's stored trace never changes, so a copy of it is never stale: with it, the second and later events
     * about a proposal need no statement. Only committed traces are kept (a rolled-back insert stored nothing).
     */
    private final Map<UUID, Map<String, String>> stored = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Map<String, String>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /**
     * The trace context to publish an event about {@code proposalId} in: the proposal's trace, continued by a span
     * that links the current one; or, for a proposal not seen before, the current context, which becomes its trace.
     */
    public Map<String, String> forPublishing(UUID proposalId, String eventType) {
        Map<String, String> current = trace.current();
        Map<String, String> known = known(proposalId);
        if (known == null) {
            known = rememberOrFind(proposalId, current);
        }
        if (known.isEmpty()) {
            return current;
        }
        return trace.continueIn(known, "proposal " + eventType, proposalId.toString());
    }

    /** Takes the current trace as the proposal's when it has none yet: an event about it is being applied. */
    public void rememberCurrent(UUID proposalId) {
        Map<String, String> current = trace.current();
        String traceParent = current.get(TraceHeaders.TRACEPARENT);
        if (traceParent == null || known(proposalId) != null) {
            return; // outside a trace the proposal's trace is the next one that comes; a known one stays
        }
        // an event being applied needs only that the proposal has a trace: a plain insert, not the look-up
        int taken = entityManager.createNativeQuery("""
                        INSERT INTO proposal_trace (proposal_id, trace_parent, trace_state) VALUES (?1, ?2, ?3)
                        ON CONFLICT (proposal_id) DO NOTHING""")
                .setParameter(1, proposalId)
                .setParameter(2, traceParent)
                .setParameter(3, current.get(TraceHeaders.TRACESTATE))
                .executeUpdate();
        if (taken == 1) {
            keep(proposalId, Map.copyOf(current));
        }
    }

    /** The proposal's trace as committed before, or as stored by the current transaction; null when not known here. */
    @SuppressWarnings("unchecked")
    private Map<String, String> known(UUID proposalId) {
        Map<String, String> known = stored.get(proposalId);
        if (known == null && transactions.getTransactionKey() != null) {
            known = (Map<String, String>) transactions.getResource(new InThisTransaction(proposalId));
        }
        return known;
    }

    /*
     * One round trip whether the proposal is new or known: the insert takes the current context as its trace when it
     * has none, and the select, which does not see that insert (one snapshot), returns the trace it already had.
     * Empty when the current context became the proposal's trace, or when there is none.
     */
    private Map<String, String> rememberOrFind(UUID proposalId, Map<String, String> current) {
        String traceParent = current.get(TraceHeaders.TRACEPARENT);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = traceParent == null
                ? entityManager.createNativeQuery("SELECT trace_parent, trace_state, false FROM proposal_trace WHERE proposal_id = ?1")
                        .setParameter(1, proposalId)
                        .getResultList()
                : entityManager.createNativeQuery("""
                                WITH taken AS (
                                    INSERT INTO proposal_trace (proposal_id, trace_parent, trace_state) VALUES (?1, ?2, ?3)
                                    ON CONFLICT (proposal_id) DO NOTHING RETURNING trace_parent, trace_state)
                                SELECT trace_parent, trace_state, true FROM taken
                                UNION ALL
                                SELECT trace_parent, trace_state, false FROM proposal_trace
                                WHERE proposal_id = ?1 AND NOT EXISTS (SELECT 1 FROM taken)""")
                        .setParameter(1, proposalId)
                        .setParameter(2, traceParent)
                        .setParameter(3, current.get(TraceHeaders.TRACESTATE))
                        .getResultList();
        // no row: a concurrent transaction stored the proposal's trace, unseen by this snapshot; nothing is kept then
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, String> context = new HashMap<>(2);
        context.put(TraceHeaders.TRACEPARENT, (String) rows.get(0)[0]);
        if (rows.get(0)[1] != null) {
            context.put(TraceHeaders.TRACESTATE, (String) rows.get(0)[1]);
        }
        keep(proposalId, Map.copyOf(context));
        return Boolean.TRUE.equals(rows.get(0)[2]) ? Map.of() : context;
    }

    /**
     * Remembers the proposal's stored trace for the rest of the transaction (the row it wrote is visible to it alone)
     * and, once the transaction commits, for every later one.
     */
    private void keep(UUID proposalId, Map<String, String> context) {
        transactions.putResource(new InThisTransaction(proposalId), context);
        afterCommit.run(() -> stored.put(proposalId, context));
    }

    /** The key of a proposal's trace among the current transaction's resources. */
    private record InThisTransaction(UUID proposalId) {
    }
}
