package org.proposals.reply.service;

/** Where a co-handling unit's opinion for the lead unit stands. */
public enum OpinionState {
    /** Not in yet: the lead unit is waiting for it. */
    PENDING,
    /** The co-handling unit submitted its opinion. */
    SUBMITTED,
    /** The lead unit's division head decided not to wait for it any longer, with a reason. */
    WAIVED
}
