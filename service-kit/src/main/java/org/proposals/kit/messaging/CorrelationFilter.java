package org.proposals.kit.messaging;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * Takes the caller's {@value #HEADER} (or starts a new one) so that every event a request causes, in
 * every service, can be traced back to it; the response names it too.
 */
public class CorrelationFilter {

    public static final String HEADER = "X-Correlation-Id";

    @Inject
    RequestTrace trace;

    @ServerRequestFilter(preMatching = true)
    public void readCorrelation(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given != null) {
            try {
                trace.correlationId(UUID.fromString(given.trim()));
            } catch (IllegalArgumentException ignored) {
                // not a UUID: keep the fresh one rather than propagate arbitrary text into events
            }
        }
    }

    @ServerResponseFilter
    public void writeCorrelation(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, trace.correlationId().toString());
    }
}
