package org.proposals.reply;

/** Whether the reply is published (公开), decided at the same review as the reply. */
public enum Disclosure {
    /** Published in full. */
    FULL,
    /** Published as a summary, whose text is the decision's note. */
    SUMMARY,
    /** Not published; the decision's note gives the reason. */
    NONE
}
