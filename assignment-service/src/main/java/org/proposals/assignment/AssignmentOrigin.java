package org.proposals.assignment;

/** How an assignment came about; each origin may run clocks of its own. */
public enum AssignmentOrigin {
    /** Given when the proposal was first assigned. */
    INITIAL,
    /** Given in place of a unit whose adjustment request the committee granted. */
    ADJUSTMENT
}
