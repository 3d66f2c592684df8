package org.proposals.kit.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One event waiting in the outbox (or already published), written with the change it reports. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_version")
    public int eventVersion;

    public String envelope;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** W3C {@code traceparent} of the span that published the event; null outside a trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    protected OutboxEvent() {
    }

    OutboxEvent(String topic, EventEnvelope envelope, Map<String, String> traceContext) {
        this.id = envelope.eventId();
        this.topic = topic;
        this.aggregateType = envelope.aggregateType();
        this.aggregateId = envelope.aggregateId();
        this.eventType = envelope.type();
        this.eventVersion = envelope.version();
        this.envelope = EventCodec.toJson(envelope);
        this.createdAt = envelope.occurredAt();
        this.traceParent = traceContext.get(TraceHeaders.TRACEPARENT);
        this.traceState = traceContext.get(TraceHeaders.TRACESTATE);
    }
}
