package org.proposals.kit.messaging;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * Takes the caller's {@value #HEADER} (or starts a new one) so that every event a request causes, in
 * every service, can be traced back to it; the response names it too.
 */
public class CorrelationFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    @Inject
    RequestTrace trace;

    @ServerRequestFilter(preMatching = true)
    public void readCorrelation(ContainerRequestContext request) {
        String requestId = request.getHeaderString(REQUEST_ID_HEADER);
        if (requestId != null && requestId.matches("[A-Za-z0-9._:-]{1,100}")) {
            trace.requestId(requestId);
        }
        String given = request.getHeaderString(HEADER);
        if (given != null) {
            try {
                trace.correlationId(UUID.fromString(given.trim()));
            } catch (IllegalArgumentException ignored) {
                // not a UUID: keep the fresh one rather than propagate arbitrary text into events
            }
        }
        // the request's log lines name it too (the MDC lives in the request's own Vert.x context)
        MDC.put(EventContext.CORRELATION_MDC_KEY, trace.correlationId().toString());
    }

    @ServerResponseFilter
    public void writeCorrelation(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, trace.correlationId().toString());
        response.getHeaders().putSingle(REQUEST_ID_HEADER, trace.requestId());
    }
}
