package org.proposals.proposal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.EventCatalog;
import org.proposals.events.EventEnvelope;
import org.proposals.events.ProposalEvent;
import org.proposals.proposal.repository.TimelineRepository;

import java.util.List;
import java.util.UUID;

/**
 * Keeps every event about a proposal — this service's own as it publishes them, the others' as they
 * arrive — so that anyone who may see the proposal can follow its whole history in one place.
 */
@ApplicationScoped
public class ProposalTimeline {

    @Inject
    TimelineRepository entries;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope envelope, ProposalEvent event) {
        JsonNode unit = envelope.payload().get("unitId");
        entries.add(new TimelineRepository.Entry(envelope.eventId(), event.proposalId(), envelope.occurredAt(),
                envelope.type(), sourceOf(event), unit == null || unit.isNull() ? null : unit.asText(),
                write(envelope.actor()), envelope.payload().toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimelineRepository.Entry> of(UUID proposalId) {
        return entries.of(proposalId);
    }

    /** The service that published the event, named after its topic: assignment.events → assignment. */
    private static String sourceOf(ProposalEvent event) {
        String topic = EventCatalog.contractOf(event.getClass()).topic();
        return topic.substring(0, topic.indexOf('.'));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the actor of an event", e);
        }
    }
}
