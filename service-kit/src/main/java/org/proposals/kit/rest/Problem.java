package org.proposals.kit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response of the platform.
 *
 * @param type   a URI naming the kind of problem; stable, so clients may switch on it
 * @param errors one entry per offending field of the request, when the problem is about input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field of the request and what is wrong with it; {@code field} is a JSON path such as {@code units[1].handlingType}. */
    public record FieldError(String field, String message) {
    }
}
