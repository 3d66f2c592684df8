package org.proposals.reply;

/** Why a unit writes a reply. */
public enum ReplyPurpose {
    /** The first formal reply to the proposal. */
    INITIAL,
    /** A new reply after the proposer was unsatisfied and the proposal was reopened (重新办理). */
    REHANDLING,
    /** The second reply a B or C reply calls for once the measure it promised is done. */
    FOLLOW_UP
}
