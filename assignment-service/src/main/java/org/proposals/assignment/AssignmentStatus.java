package org.proposals.assignment;

public enum AssignmentStatus {
    /** Given to the unit, not yet signed for. */
    ASSIGNED,
    /** The unit's office signed for it (签收). */
    SIGNED,
    /** The committee granted the unit's adjustment request: the unit no longer handles it. */
    ADJUSTED
}
