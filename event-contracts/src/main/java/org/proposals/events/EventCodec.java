package org.proposals.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The JSON form of envelopes and payloads, identical in every producer and consumer.
 * Readers tolerate unknown fields so that a producer may add optional fields without a new version.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventCodec() {
    }

    /** Wraps an event in a new envelope with a fresh event id. */
    public static EventEnvelope envelope(IntegrationEvent event, UUID correlationId, UUID causationId, Actor actor) {
        EventType contract = EventCatalog.contractOf(event.getClass());
        return new EventEnvelope(
                UUID.randomUUID(),
                contract.name(),
                contract.version(),
                OffsetDateTime.now(ZoneOffset.UTC),
                contract.aggregateType(),
                event.aggregateId(),
                correlationId,
                causationId,
                actor,
                MAPPER.valueToTree(event));
    }

    public static String toJson(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + envelope.eventId(), e);
        }
    }

    /** Reads an envelope; anything that is not one is a {@link MalformedEventException}. */
    public static EventEnvelope fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record value");
        }
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not an event envelope: " + getOriginalMessage(e), e);
        }
        if (envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
            throw new MalformedEventException("envelope lacks eventId, type or payload");
        }
        return envelope;
    }

    /** Reads the payload as the contract class registered for the envelope's type and version. */
    public static IntegrationEvent payloadOf(EventEnvelope envelope) {
        Class<? extends IntegrationEvent> type = EventCatalog.find(envelope.type(), envelope.version())
                .orElseThrow(() -> new MalformedEventException(
                        "unknown event type " + envelope.type() + " v" + envelope.version()));
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload does not match " + envelope.type() + " v"
                    + envelope.version() + ": " + e.getMessage(), e);
        }
    }

    private static String getOriginalMessage(Exception e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }
}
