package org.proposals.kit.messaging;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.proposals.events.Actor;

import java.util.List;
import java.util.UUID;

/**
 * The request id, correlation id and actor of the HTTP request being served. The ids are set by
 * {@link CorrelationFilter}; the actor is the person the bearer token names.
 */
@RequestScoped
public class RequestTrace {

    @Inject
    SecurityIdentity identity;

    private String requestId = UUID.randomUUID().toString();
    private UUID correlationId = UUID.randomUUID();
    private Actor actor;

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

    public void correlationId(UUID correlationId) {
        this.correlationId = correlationId;
    }

    public Actor actor() {
        if (actor == null) {
            actor = actorOf(identity);
        }
        return actor;
    }

    static Actor actorOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Actor.ANONYMOUS;
        }
        List<String> roles = identity.getRoles().stream().sorted().toList();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("name");
            return new Actor(token.getSubject(), name != null ? name : token.getName(), roles,
                    token.getClaim("unit_id"), token.getClaim("division_id"));
        }
        return new Actor(identity.getPrincipal().getName(), identity.getPrincipal().getName(), roles, null, null);
    }
}
