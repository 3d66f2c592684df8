package org.proposals.reply;

import java.util.EnumSet;
import java.util.Set;

/** Where a reply stands, from the handler's draft to the proposer's hands. */
public enum ReplyStatus {
    /** Being written by the handler; a new version after a return or the proposer's comments starts here again. */
    DRAFT,
    /** Going up the review chain; {@code Reply.reviewLevel} says whose turn it is. */
    IN_REVIEW,
    /** Sent back by a reviewer with comments: the handler revises it and submits again. */
    RETURNED,
    /** Passed every level of review: ready to be put to the proposer. */
    REVIEWED,
    /** Put to the proposer for comment (先行征询意见). */
    IN_CONSULTATION,
    /** The proposer answered (or the unit recorded their answer): the unit revises it or makes it formal. */
    CONSULTED,
    /** Signed as the unit's formal reply. */
    APPROVED,
    /** The formal reply reached the proposer. */
    DELIVERED,
    /** Set aside for a later draft (drafts made before replies had versions). */
    SUPERSEDED;

    /** The handler may change the text. */
    public static final Set<ReplyStatus> REVISABLE = EnumSet.of(DRAFT, RETURNED, REVIEWED, CONSULTED);

    public boolean isFormal() {
        return this == APPROVED || this == DELIVERED;
    }

    public boolean isInTheWorks() {
        return !isFormal() && this != SUPERSEDED;
    }
}
