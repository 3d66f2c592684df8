package org.proposals.kit.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One audit record as the API shows it.
 *
 * @param chainPosition null until the record is sealed into the chain (normally within a second)
 */
public record AuditRecordView(
        UUID id,
        OffsetDateTime occurredAt,
        String action,
        String recordType,
        String recordId,
        UUID proposalId,
        Actor actor,
        String requestId,
        UUID correlationId,
        UUID causationId,
        @Schema(description = "The changed fields by name, e.g. status, or units[miit].replyId")
        Map<String, Change> changes,
        Long chainPosition,
        String previousHash,
        String hash) {

    /** The person whose action caused the change. */
    @Schema(name = "AuditActor")
    public record Actor(String id, String name, List<String> roles, String unitId) {
    }

    public static AuditRecordView of(AuditRecord r) {
        List<String> roles = r.actorRoles == null || r.actorRoles.isEmpty() ? List.of()
                : Arrays.asList(r.actorRoles.split(","));
        return new AuditRecordView(r.id, r.occurredAt, r.action, r.recordType, r.recordId, r.proposalId,
                new Actor(r.actorId, r.actorName, roles, r.actorUnitId), r.requestId, r.correlationId, r.causationId,
                AuditJson.changes(r.changes), r.chainPosition, r.previousHash, r.hash);
    }
}
