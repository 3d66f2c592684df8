package org.proposals.proposal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.proposals.events.Actor;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event in a proposal's history.
 *
 * @param source  the service that published it: proposal, assignment, reply or evaluation
 * @param details the event's own fields, as its versioned contract defines them
 */
public record TimelineEntryView(UUID eventId, OffsetDateTime occurredAt, String type, String source, String unitId,
                                Actor actor, JsonNode details) {
}
