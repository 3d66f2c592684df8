package org.proposals.kit.rest;

import java.util.List;

/**
 * A request the platform refuses, with the status and problem type it answers with. Thrown from services
 * and resources; {@link ProblemMappers} turns it into problem+json. Nothing has changed when it is thrown
 * inside a transaction: the transaction rolls back.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://proposals.example.org/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiProblem(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The record does not exist, or the caller may not know that it does. */
    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, TYPE_BASE + "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    /** The request is well-formed but the record's current state does not allow it. */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, TYPE_BASE + "state-conflict", "Not allowed in the current state", detail, null);
    }

    /** The caller's role allows the action, but not on this record: another person is named for it. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, TYPE_BASE + "forbidden", "Forbidden", detail, null);
    }

    /** The request breaks a rule of the domain; {@code field} names the part of the body at fault. */
    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, TYPE_BASE + "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** The client's copy is stale (If-Match did not match the current version). */
    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, TYPE_BASE + "stale-version", "The record has changed", detail, null);
    }

    /**
     * The same refusal, about one part of a larger request: {@code part} (e.g. {@code assignments[3]}) prefixes the
     * detail and the name of each field at fault, so the caller knows which item of a batch was refused.
     */
    public ApiProblem about(String part) {
        ApiProblem scoped = new ApiProblem(status, type, title, part + ": " + getMessage(), errors.stream()
                .map(error -> new Problem.FieldError(part + "." + error.field(), error.message()))
                .toList());
        scoped.initCause(this);
        return scoped;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors);
    }
}
