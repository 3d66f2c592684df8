package org.proposals.kit.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.proposals.kit.persistence.TransientFailures;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves as problem+json (RFC 9457). Input errors name the offending field; anything
 * unexpected is a 500 that is logged and tells the caller nothing internal.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return respond(problem.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return notAuthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return notAuthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ApiProblem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this", path(uri), null));
    }

    private Response notAuthenticated(UriInfo uri) {
        Problem problem = new Problem(ApiProblem.TYPE_BASE + "unauthenticated", "Unauthenticated", 401,
                "A valid bearer token is required", path(uri), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
        return violationsOf(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        return violationsOf(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity() && e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = status >= 500 ? "The request could not be completed" : e.getMessage();
        return respond(new Problem(ApiProblem.TYPE_BASE + "http-" + status, title, status, detail, path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            // the database is restarting or out of reach: nothing was changed, and the same request will do later
            LOG.warnf("Database unavailable serving %s: %s", path(uri), e.toString());
            Problem problem = new Problem(ApiProblem.TYPE_BASE + "unavailable", "Service unavailable", 503,
                    "The service cannot reach its database for the moment; try again shortly", path(uri), null);
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "2").entity(problem).build();
        }
        LOG.error("Unexpected failure serving " + path(uri), e);
        return respond(new Problem(ApiProblem.TYPE_BASE + "internal", "Internal error", 500,
                "The request could not be completed; it has been logged", path(uri), null));
    }

    private Response violationsOf(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        boolean onReturnValue = e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue);
        if (onReturnValue) {
            LOG.error("A response broke its own constraints", e);
            return unexpected(e, uri);
        }
        return respond(new Problem(ApiProblem.TYPE_BASE + "invalid-request", "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", path(uri), errors));
    }

    private Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                && NulCharacterGuard.holdsNul(text)) {
            message = NulCharacterGuard.REQUIREMENT;
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be a valid " + simpleTypeName(mismatched.getTargetType());
        } else if (e instanceof JsonParseException) {
            message = "the body is not valid JSON";
        } else {
            message = "cannot be read";
        }
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message));
        return respond(new Problem(ApiProblem.TYPE_BASE + "unreadable-body", "Unreadable request body", 400,
                (field.isEmpty() ? "body" : field) + ": " + message, path(uri), errors));
    }

    private static String simpleTypeName(Class<?> type) {
        if (type.isEnum()) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return type.getSimpleName().toLowerCase().contains("uuid") ? "UUID" : "object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The JSON path of a violation: {@code units[1].handlingType} for a body field, the parameter's name
     * for a query or path parameter.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.isInIterable() && node.getKey() != null) {
                        field.append('[').append(node.getKey()).append(']');
                    }
                    if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "body";
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
