package org.proposals.kit.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * How a sealed audit record is hashed. The hash of a record is SHA-256 (hex) over the previous record's
 * hash, a line feed and the canonical form of the record: a JSON array of a version tag, its chain
 * position and every field written when it was recorded, in a fixed order (see {@link #canonical}).
 * The first record's previous hash is {@link #GENESIS}.
 *
 * <p>The position is part of what is hashed, so renumbering the chain shows as well as changing,
 * removing, inserting or reordering records.
 */
final class AuditChain {

    /** The previous hash of the first record of a chain. */
    static final String GENESIS = "0".repeat(64);

    /** The columns a record's hash covers, in the order of the canonical form (after the position). */
    static final String RECORDED_COLUMNS = "id, occurred_at, action, record_type, record_id, proposal_id, actor_id,"
            + " actor_name, actor_roles, actor_unit_id, request_id, correlation_id, causation_id, changes";

    private static final String VERSION = "audit-record/1";

    private AuditChain() {
    }

    /** A record's fields as recorded, read from the {@link #RECORDED_COLUMNS} of a result set. */
    record Recorded(UUID id, OffsetDateTime occurredAt, String action, String recordType, String recordId,
                    UUID proposalId, String actorId, String actorName, String actorRoles, String actorUnitId,
                    String requestId, UUID correlationId, UUID causationId, String changes) {

        /** Reads the recorded columns starting at column {@code first} (1-based). */
        static Recorded read(ResultSet rs, int first) throws SQLException {
            int c = first;
            return new Recorded(
                    rs.getObject(c++, UUID.class),
                    rs.getObject(c++, OffsetDateTime.class),
                    rs.getString(c++),
                    rs.getString(c++),
                    rs.getString(c++),
                    rs.getObject(c++, UUID.class),
                    rs.getString(c++),
                    rs.getString(c++),
                    rs.getString(c++),
                    rs.getString(c++),
                    rs.getString(c++),
                    rs.getObject(c++, UUID.class),
                    rs.getObject(c++, UUID.class),
                    rs.getString(c));
        }
    }

    /**
     * The canonical form: a JSON array with nulls where a field is empty, instants in UTC (ISO-8601, the
     * stored microseconds), ids in their usual text form and the changes as the exact JSON text stored.
     */
    static String canonical(long chainPosition, Recorded r) {
        return AuditJson.write(Arrays.asList(
                VERSION,
                chainPosition,
                text(r.id()),
                r.occurredAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(r.occurredAt().toInstant()),
                r.action(),
                r.recordType(),
                r.recordId(),
                text(r.proposalId()),
                r.actorId(),
                r.actorName(),
                r.actorRoles(),
                r.actorUnitId(),
                r.requestId(),
                text(r.correlationId()),
                text(r.causationId()),
                r.changes()));
    }

    static String hash(String previousHash, long chainPosition, Recorded record) {
        return sha256(previousHash + "\n" + canonical(chainPosition, record));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
