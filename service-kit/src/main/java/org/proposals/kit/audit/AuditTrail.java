package org.proposals.kit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proposals.kit.messaging.AfterCommit;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.RequestTrace;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the audit record of a state change in the transaction of the change: if the change rolls back,
 * so does its record. The record names the person whose action caused the change (the caller of the
 * request, or the actor in the envelope of the event being applied), the request id, the correlation
 * and causation ids, and the changed fields before and after.
 *
 * <p>Records are inserted unsealed; {@link AuditSealer} chains them shortly after the commit.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Object WAKE_KEY = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    EventContext context;

    @Inject
    AuditSealer sealer;

    @Inject
    AfterCommit afterCommit;

    /**
     * Records one state change.
     *
     * @param action     what happened, in the past tense: {@code ProposalSubmitted}, or {@code <Event>Applied} for
     *                   the effect of an incoming event
     * @param recordType the kind of record changed, e.g. {@code Proposal}
     * @param recordId   its id (written as text)
     * @param proposalId the proposal the change concerns, so that a proposal's records can be found; may be null
     * @param changes    the changed fields, before and after
     * @return the audit record's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String action, String recordType, Object recordId, UUID proposalId, Map<String, Change> changes) {
        AuditRecord record = new AuditRecord();
        record.id = UUID.randomUUID();
        record.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        record.action = required(action, "action");
        record.recordType = required(recordType, "recordType");
        record.recordId = required(Objects.requireNonNull(recordId, "recordId").toString(), "recordId");
        record.proposalId = proposalId;
        Who who = who(context.actor());
        record.actorId = who.id();
        record.actorName = who.name();
        record.actorRoles = who.roles();
        record.actorUnitId = who.unitId();
        UUID causationId = context.causationId();
        record.causationId = causationId;
        // an event being applied is not part of any request, whatever scope the consumer thread runs in
        record.requestId = causationId == null ? currentRequestId() : null;
        record.correlationId = context.correlationId();
        record.changes = AuditJson.write(json(changes));
        entityManager.persist(record);
        wakeSealerAfterCommit();
        return record.id;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String action, String recordType, Object recordId, UUID proposalId, AuditChanges changes) {
        return record(action, recordType, recordId, proposalId, changes.asMap());
    }

    private static Map<String, Map<String, Object>> json(Map<String, Change> changes) {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        if (changes != null) {
            changes.forEach((field, change) -> {
                Map<String, Object> beforeAndAfter = new LinkedHashMap<>();
                beforeAndAfter.put("before", change == null ? null : change.before());
                beforeAndAfter.put("after", change == null ? null : change.after());
                fields.put(field, beforeAndAfter);
            });
        }
        return fields;
    }

    /**
     * The actor's id, name, roles and unit, read from its JSON form (the form it travels in) rather than
     * through its accessors, so that the audit trail keeps working as the actor gains or renames fields
     * (a single {@code role} or a list of {@code roles}).
     */
    static Who who(Object actor) {
        if (actor == null) {
            return new Who(null, null, null, null);
        }
        JsonNode node = AuditJson.MAPPER.valueToTree(actor);
        List<String> roles = new ArrayList<>();
        JsonNode many = node.get("roles");
        if (many != null && many.isArray()) {
            many.forEach(role -> roles.add(role.asText()));
        } else if (many != null && many.isTextual()) {
            roles.add(many.asText());
        }
        JsonNode one = node.get("role");
        if (one != null && one.isTextual() && !roles.contains(one.asText())) {
            roles.add(one.asText());
        }
        return new Who(text(node, "id"), text(node, "name"), roles.isEmpty() ? null : String.join(",", roles),
                text(node, "unitId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String currentRequestId() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        InstanceHandle<RequestTrace> trace = Arc.container().instance(RequestTrace.class);
        return trace.isAvailable() ? trace.get().requestId() : null;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " of an audit record must not be blank");
        }
        return value;
    }

    private void wakeSealerAfterCommit() {
        afterCommit.once(WAKE_KEY, sealer::wake);
    }

    record Who(String id, String name, String roles, String unitId) {
    }
}
