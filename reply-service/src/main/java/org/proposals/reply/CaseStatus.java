package org.proposals.reply;

/** Where a unit's case file stands. */
public enum CaseStatus {
    /** Opened on assignment; the unit is handling it and has no approved reply yet. */
    OPEN,
    /** The unit's formal reply to the proposer has been approved. */
    REPLIED
}
