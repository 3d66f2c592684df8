package org.proposals.events;

/**
 * A fact one service publishes for the others. Every implementation is a record annotated with
 * {@link EventType}, registered in {@link EventCatalog}.
 */
public interface IntegrationEvent {

    /** The id of the aggregate the event is about; it becomes the record key, so its events stay in order. */
    String aggregateId();
}
