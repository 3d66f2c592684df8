package org.proposals.reply;

/** Where a reply stands in review. */
public enum ReplyStatus {
    /** Drafted by the handler, waiting for review. */
    DRAFT,
    /** Passed review: the unit's formal reply to the proposer. */
    APPROVED
}
