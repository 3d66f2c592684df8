package org.proposals.proposal.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The events about each proposal, kept as they came so that its timeline can be shown in order. */
@ApplicationScoped
public class TimelineRepository {

    /** One stored event; {@code actor} and {@code details} are JSON text. */
    public record Entry(UUID eventId, UUID proposalId, OffsetDateTime occurredAt, String eventType, String source,
                        String unitId, String actor, String details) {
    }

    @Inject
    EntityManager entityManager;

    /** Stores an entry once: a redelivered event finds its entry and adds nothing. */
    public void add(Entry entry) {
        entityManager.createNativeQuery("""
                        INSERT INTO proposal_timeline_entry
                            (event_id, proposal_id, occurred_at, event_type, source, unit_id, actor, details)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), CAST(?8 AS jsonb))
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, entry.eventId())
                .setParameter(2, entry.proposalId())
                .setParameter(3, entry.occurredAt())
                .setParameter(4, entry.eventType())
                .setParameter(5, entry.source())
                .setParameter(6, entry.unitId())
                .setParameter(7, entry.actor())
                .setParameter(8, entry.details())
                .executeUpdate();
    }

    public List<Entry> of(UUID proposalId) {
        List<Entry> entries = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                        SELECT event_id, proposal_id, occurred_at, event_type, source, unit_id, actor::text, details::text
                        FROM proposal_timeline_entry WHERE proposal_id = ?1
                        ORDER BY occurred_at, seq""")
                .setParameter(1, proposalId)
                .getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new Entry((UUID) r[0], (UUID) r[1], NativeValues.offsetDateTime(r[2]), (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7]));
        }
        return entries;
    }
}
