package org.proposals.events;

/**
 * The person (or system) whose action caused an event. Travels in every envelope so that a consumer's
 * own records name the person behind the change, not the consumer.
 */
public record Actor(String id, String name, String role, String unitId) {

    public static final Actor SYSTEM = new Actor("system", "system", "SYSTEM", null);
    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", "ANONYMOUS", null);
}
