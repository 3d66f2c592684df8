package org.proposals.proposal;

/** Who put a proposal forward: one member or deputy, or a group in its own name. */
public enum ProposerType {
    /** A CPPCC member or an NPC deputy. */
    MEMBER,
    /** A party, a sector (界别) or a special committee (专门委员会), see {@link GroupKind}. */
    GROUP;

    public enum GroupKind {
        PARTY,
        SECTOR,
        SPECIAL_COMMITTEE
    }
}
