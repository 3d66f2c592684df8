package org.proposals.kit.messaging;

import jakarta.enterprise.context.RequestScoped;
import org.proposals.events.Actor;

import java.util.UUID;

/** The request id, correlation id and actor of the HTTP request being served, set by {@link CorrelationFilter}. */
@RequestScoped
public class RequestTrace {

    private String requestId = UUID.randomUUID().toString();
    private UUID correlationId = UUID.randomUUID();
    private Actor actor = Actor.ANONYMOUS;

    /** The caller's X-Request-Id when it sent a usable one, otherwise one of ours; names this one request. */
    public String requestId() {
        return requestId;
    }

    public void requestId(String requestId) {
        this.requestId = requestId;
    }

    public UUID correlationId() {
        return correlationId;
    }

    public Actor actor() {
        return actor;
    }

    public void correlationId(UUID correlationId) {
        this.correlationId = correlationId;
    }

    public void actor(Actor actor) {
        this.actor = actor;
    }
}
