package org.proposals.evaluation;

/** What a breakdown of the handling figures groups by. */
public enum StatisticsDimension {
    UNIT("h.unit_id"),
    HANDLING_TYPE("h.handling_type"),
    /** OPEN, DONE (replied, or the opinion given) or ENDED (the assignment ended with an adjustment). */
    STATUS("h.status"),
    RESULT_CATEGORY("h.result_category"),
    TOPIC("topic"),
    SESSION("CAST(h.session_id AS varchar)"),
    /** The month of the assignment, in the city's time zone, as YYYY-MM. */
    MONTH("to_char(h.assigned_local, 'YYYY-MM')");

    /** The SQL expression over the handlings that gives the group's key. */
    public final String key;

    StatisticsDimension(String key) {
        this.key = key;
    }
}
