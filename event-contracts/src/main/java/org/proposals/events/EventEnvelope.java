package org.proposals.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What travels on a topic: the payload of one integration event plus what every consumer needs to
 * route, deduplicate and trace it. The aggregate id is also the Kafka record key.
 *
 * @param eventId       unique per event; consumers deduplicate on it
 * @param type          the event's name in the past tense, e.g. {@code ProposalSubmitted}
 * @param version       the payload's schema version for this type
 * @param correlationId shared by every event that follows from one user action
 * @param causationId   the event that caused this one, or null for a user action
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        OffsetDateTime occurredAt,
        String aggregateType,
        String aggregateId,
        UUID correlationId,
        UUID causationId,
        Actor actor,
        JsonNode payload) {
}
