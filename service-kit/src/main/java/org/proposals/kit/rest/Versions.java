package org.proposals.kit.rest;

import jakarta.ws.rs.core.EntityTag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking over HTTP. A record's ETag is its version; a write names the version it was based
 * on in {@code If-Match} and fails with 412 when the record has changed since, so that two people editing
 * the same record cannot silently overwrite each other.
 */
public final class Versions {

    /** The caller sent no If-Match (or {@code *}) and does not ask for the check. */
    public static final long ANY = -1;

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * The version an If-Match header names.
     *
     * @param required whether the write must name one: without it the answer is 428
     */
    public static long ifMatch(String header, boolean required) {
        if (header == null || header.isBlank()) {
            if (required) {
                throw new ApiProblem(428, ApiProblem.TYPE_BASE + "precondition-required", "If-Match required",
                        "Send the ETag of the version you edited in If-Match, so that a newer change is not overwritten", null);
            }
            return ANY;
        }
        if (header.strip().equals("*")) {
            return ANY;
        }
        Matcher m = TAG.matcher(header);
        if (!m.matches()) {
            // RFC 9110: an If-Match that names no current representation fails the precondition.
            throw ApiProblem.preconditionFailed("If-Match " + header + " does not name a version of this record");
        }
        return Long.parseLong(m.group(1));
    }

    /** Refuses the write when the caller's version is not the current one. */
    public static void require(long current, long expected, String what) {
        if (expected != ANY && expected != current) {
            throw ApiProblem.preconditionFailed(what + " has changed since version " + expected
                    + " (now " + current + "); fetch it again and reapply the change");
        }
    }
}
