package org.proposals.reply.service;

/** The checks a reply passes before it goes to review (严把答复意见审核关). */
public enum QualityRule {
    /** A lead unit's reply waits until every co-handling opinion is in or waived; this one cannot be switched off. */
    OPINIONS_COMPLETE,
    MIN_LENGTH,
    SUBSTANCE,
    CATEGORY,
    POINTS_ANSWERED,
    OPINIONS_REFLECTED,
    CONTACT
}
