package org.proposals.kit.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.proposals.events.Topics;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Carries the W3C trace context across the outbox: the publisher stores the current span's
 * {@value #TRACEPARENT} with the outbox row, the relay sends it as Kafka record headers under a span of
 * its own, and the consumer handles the record in a span that is a child of it. The causal link goes
 * through the outbox table, which no automatic instrumentation sees, hence this.
 */
@ApplicationScoped
public class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** Only the trace context travels with an event (no baggage): it is what the outbox has columns for. */
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> KAFKA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    @Inject
    public TraceHeaders(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.proposals.kit.messaging");
    }

    /** {@value #TRACEPARENT} (and {@value #TRACESTATE}) of the current span; empty outside a trace. */
    public Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /**
     * A span in the stored trace {@code traceContext} (a proposal's), linked to the current span, and its context;
     * the current context when the current span is in that trace already or the stored one is unreadable.
     */
    public Map<String, String> continueIn(Map<String, String> traceContext, String spanName, String proposalId) {
        Context stored = W3C.extract(Context.root(), traceContext, MAP);
        SpanContext proposal = Span.fromContext(stored).getSpanContext();
        SpanContext current = Span.current().getSpanContext();
        if (!proposal.isValid() || (current.isValid() && current.getTraceId().equals(proposal.getTraceId()))) {
            return current();
        }
        SpanBuilder builder = tracer.spanBuilder(spanName)
                .setParent(stored)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("proposal.id", proposalId);
        if (current.isValid()) {
            builder.addLink(current); // the request (or job) that acted on the proposal, in its own trace
        }
        Span span = builder.startSpan();
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(stored.with(span), carrier, Map::put);
        span.end();
        return carrier;
    }

    /**
     * Starts the relay's span for sending one stored event, a child of the span that published it, and puts
     * the new span's context into the record's headers. Null (and no headers) for an event stored outside a trace.
     */
    public Span startPublishing(String topic, String eventId, String traceParent, String traceState, Headers headers) {
        if (traceParent == null) {
            return null;
        }
        Map<String, String> stored = new HashMap<>(2);
        stored.put(TRACEPARENT, traceParent);
        if (traceState != null) {
            stored.put(TRACESTATE, traceState);
        }
        Context parent = W3C.extract(Context.root(), stored, MAP);
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "publish")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .startSpan();
        W3C.inject(parent.with(span), headers, (carrier, key, value) ->
                carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** Starts the span of handling one record, a child of the trace context its headers carry, if any. */
    public Span startProcessing(String consumer, ConsumerRecord<String, String> record) {
        Context parent = W3C.extract(Context.current(), record.headers(), KAFKA);
        Header eventId = record.headers().lastHeader(Topics.HEADER_EVENT_ID);
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .setAttribute("messaging.consumer.name", consumer)
                .setAttribute("messaging.message.id",
                        eventId == null || eventId.value() == null ? "" : new String(eventId.value(), StandardCharsets.UTF_8))
                .startSpan();
    }
}
