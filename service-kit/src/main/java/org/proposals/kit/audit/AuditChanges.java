package org.proposals.kit.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changed fields of one state change, for {@link AuditTrail#record}. Fields whose value did not change
 * are left out. Typically a service takes a snapshot of the record's state ({@link #state}) before and
 * after the change:
 *
 * <pre>{@code
 * Map<String, Object> before = state(assignment);
 * assignment.status = AssignmentStatus.SIGNED; ...
 * audit.record("AssignmentSigned", "Assignment", assignment.id, assignment.proposalId,
 *         AuditChanges.between(before, state(assignment)));
 * }</pre>
 *
 * A new record is {@link #created} from its state: every field that has a value, with before null.
 */
public final class AuditChanges {

    private final Map<String, Change> changes = new LinkedHashMap<>();

    private AuditChanges() {
    }

    public static AuditChanges of() {
        return new AuditChanges();
    }

    /** Every field of a new record that has a value, each with before null. */
    public static AuditChanges created(Map<String, ?> state) {
        return between(Map.of(), state);
    }

    /** The fields whose values differ between two snapshots of a record's state, in the order of the snapshots. */
    public static AuditChanges between(Map<String, ?> before, Map<String, ?> after) {
        AuditChanges result = new AuditChanges();
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            result.set(field, before.get(field), after.get(field));
        }
        return result;
    }

    /**
     * A snapshot of a record's state: field names and values in pairs, in the order they should be listed.
     * Values may be null (unlike {@link Map#of}).
     */
    public static Map<String, Object> state(Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values come in pairs");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            state.put((String) Objects.requireNonNull(fieldsAndValues[i], "field name"), fieldsAndValues[i + 1]);
        }
        return state;
    }

    /** A field that changed from {@code before} to {@code after}; left out when both are the same. */
    public AuditChanges set(String field, Object before, Object after) {
        Objects.requireNonNull(field, "field name");
        if (same(before, after)) {
            changes.remove(field);
        } else {
            changes.put(field, new Change(before, after));
        }
        return this;
    }

    /** A field of a new record. */
    public AuditChanges set(String field, Object value) {
        return set(field, null, value);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Map<String, Change> asMap() {
        return Collections.unmodifiableMap(changes);
    }

    /**
     * Whether two values are the same for the audit: instants are compared as the database keeps them
     * (microseconds, whatever the offset), so that a value read back and the same value set again do not
     * count as a change.
     */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        Instant ia = instant(a);
        Instant ib = instant(b);
        if (ia != null && ib != null) {
            return ia.truncatedTo(ChronoUnit.MICROS).equals(ib.truncatedTo(ChronoUnit.MICROS));
        }
        if (a instanceof BigDecimal da && b instanceof BigDecimal db) {
            return da.compareTo(db) == 0;
        }
        return a.equals(b);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return null;
    }
}
