package org.proposals.kit.messaging;

import jakarta.enterprise.context.RequestScoped;
import org.proposals.events.Actor;

import java.util.UUID;

/** The correlation id and actor of the HTTP request being served, set by {@link CorrelationFilter}. */
@RequestScoped
public class RequestTrace {

    private UUID correlationId = UUID.randomUUID();
    private Actor actor = Actor.ANONYMOUS;

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
