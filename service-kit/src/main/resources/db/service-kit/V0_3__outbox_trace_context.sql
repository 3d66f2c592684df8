-- The trace an event was published in (W3C trace context of the span that wrote it), so that the relay can
-- hand it on in the Kafka record's headers and the consumer's handling joins the same trace.
-- Null for events written outside a trace and for those written before this migration.
ALTER TABLE outbox_event
    ADD COLUMN trace_parent text,
    ADD COLUMN trace_state text;
