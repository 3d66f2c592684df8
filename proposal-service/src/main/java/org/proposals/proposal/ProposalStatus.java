package org.proposals.proposal;

/** Where a proposal stands in its handling, as far as this service knows. */
public enum ProposalStatus {
    /** Registered, waiting for the committee to assign it. */
    SUBMITTED,
    /** Assigned to one or more units, which are handling it. */
    ASSIGNED,
    /** Every unit that owes the proposer a reply has given its formal reply. */
    REPLIED,
    /** The proposer has rated every formal reply. */
    EVALUATED
}
