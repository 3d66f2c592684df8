package org.proposals.kit.messaging;

import org.proposals.events.EventEnvelope;

/** An event that still failed after every attempt; its message is the dead-letter reason. */
public class EventNotAppliedException extends RuntimeException {

    public EventNotAppliedException(EventEnvelope envelope, int attempts, Throwable cause) {
        super(envelope.type() + " " + envelope.eventId() + " not applied after " + attempts + " attempts: " + cause, cause);
    }
}
