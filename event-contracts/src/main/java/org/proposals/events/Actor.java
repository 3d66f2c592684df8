package org.proposals.events;

import java.util.List;

/**
 * The person (or system) whose action caused an event: who they are, their roles and the handling unit
 * and division they belong to, as their token said. Travels in every envelope so that a consumer's own
 * records name the person behind the change, not the consumer.
 */
public record Actor(String id, String name, List<String> roles, String unitId, String divisionId) {

    public static final Actor SYSTEM = new Actor("system", "system", List.of("SYSTEM"), null, null);
    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", List.of(), null, null);

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the person works in the given handling unit. */
    public boolean belongsTo(String unit) {
        return unitId != null && unitId.equals(unit);
    }
}
