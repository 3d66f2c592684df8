package org.proposals.reply;

/** Where a unit's case file stands. */
public enum CaseStatus {
    /** Opened on assignment (or reopened for re-handling): the unit is handling it and owes its reply or opinion. */
    OPEN,
    /** The unit's formal reply is approved for the current round. */
    REPLIED,
    /** The co-handling unit's opinion reached the lead unit. */
    OPINION_SUBMITTED,
    /** A promised measure of a B or C reply is done: the unit owes the proposer a second reply. */
    FOLLOW_UP_DUE,
    /** The assignment ended with the unit's adjustment request: nothing more is expected of the unit. */
    ENDED
}
