package org.proposals.proposal;

import java.util.EnumSet;
import java.util.Set;

/** Where a proposal stands, from registration to closing. */
public enum ProposalStatus {
    /** Registered under its number, waiting for the committee's filing decision. */
    SUBMITTED,
    /** Filed (立案): the committee may assign it. */
    FILED,
    /** Not filed: converted to an opinion letter or returned, see the reason. */
    NOT_FILED,
    /** Merged into another proposal (并案) and handled with it; its proposer still gets a reply. */
    MERGED,
    /** Withdrawn by the proposer before it was assigned. */
    WITHDRAWN,
    /** Assigned to one or more units; none has signed for it yet. */
    ASSIGNED,
    /** A unit has signed for it and is handling it, or it was reopened for re-handling. */
    IN_HANDLING,
    /** Every unit that owes the proposer a reply has given its formal reply. */
    REPLIED,
    /** The proposer has rated every formal reply. */
    EVALUATED,
    /** The committee closed it: its handling is complete. */
    CLOSED;

    /** Statuses that the units' progress no longer changes. */
    static final Set<ProposalStatus> SETTLED = EnumSet.of(NOT_FILED, MERGED, WITHDRAWN, CLOSED);

    /** Statuses in which the registration itself may still be corrected or decided on. */
    static final Set<ProposalStatus> BEFORE_ASSIGNMENT = EnumSet.of(SUBMITTED, FILED);
}
