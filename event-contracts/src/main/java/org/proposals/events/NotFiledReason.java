package org.proposals.events;

/** Why the committee did not file a proposal (不予立案). */
public enum NotFiledReason {
    /** Not a proposal in form or substance but worth passing on: converted to an opinion letter (转为意见信). */
    CONVERTED_TO_OPINION_LETTER,
    /** Returned to the proposer (退回), e.g. outside the scope of proposals. */
    RETURNED
}
