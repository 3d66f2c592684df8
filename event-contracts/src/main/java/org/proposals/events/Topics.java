package org.proposals.events;

/** One topic per producing service; consumers filter by event type. */
public final class Topics {

    public static final String PROPOSAL_EVENTS = "proposal.events";
    public static final String ASSIGNMENT_EVENTS = "assignment.events";
    public static final String REPLY_EVENTS = "reply.events";
    public static final String EVALUATION_EVENTS = "evaluation.events";
    /** Directives of the city supervision office, from the supervision adapter. */
    public static final String SUPERVISION_EVENTS = "supervision.events";

    /** Record headers that repeat envelope fields, so that tools can filter without parsing JSON. */
    public static final String HEADER_EVENT_ID = "event-id";
    public static final String HEADER_EVENT_TYPE = "event-type";
    public static final String HEADER_EVENT_VERSION = "event-version";
    public static final String HEADER_CORRELATION_ID = "correlation-id";

    private Topics() {
    }
}
