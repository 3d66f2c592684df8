package org.proposals.reply;

/** The proposer's answer to a logged contact. */
public enum ContactConfirmation {
    /** Not answered yet. */
    UNANSWERED,
    /** The proposer confirmed it took place as recorded. */
    CONFIRMED,
    /** The proposer says it did not take place, or not as recorded: it no longer counts for the unit. */
    DISPUTED
}
