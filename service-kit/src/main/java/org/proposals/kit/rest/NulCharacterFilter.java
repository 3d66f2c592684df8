package org.proposals.kit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Refuses a query or path parameter holding a NUL character (U+0000), which no PostgreSQL text can store: bad
 * input gets a 400 naming the parameter, not the database's error.
 */
public class NulCharacterFilter {

    @ServerRequestFilter
    public Response refuseNul(ContainerRequestContext request) {
        String field = withNul(request.getUriInfo().getQueryParameters());
        if (field == null) {
            field = withNul(request.getUriInfo().getPathParameters());
        }
        if (field == null) {
            return null;
        }
        String requirement = "must not contain the NUL character";
        Problem problem = new Problem(ApiProblem.TYPE_BASE + "invalid-request", "Invalid request", 400,
                field + ": " + requirement, request.getUriInfo().getPath(), List.of(new Problem.FieldError(field, requirement)));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String withNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }
}
