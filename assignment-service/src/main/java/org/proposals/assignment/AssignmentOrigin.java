package org.proposals.assignment;

/** How an assignment came about; each origin may run clocks of its own. */
public enum AssignmentOrigin {
    /** Given when the proposal was first assigned. */
    INITIAL,
    /** Given in place of a unit whose adjustment request the committee granted. */
    ADJUSTMENT,
    /** Re-assigned during the recess (闭会期间重新交办): given by the committee after the session, with recess clocks. */
    RECESS_REASSIGNMENT
}
