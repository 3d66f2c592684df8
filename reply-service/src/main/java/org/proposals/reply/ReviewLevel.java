package org.proposals.reply;

/** The levels of the responsibility chain a reply goes up (四级办理机制), in order. */
public enum ReviewLevel {
    /** 处室负责人: the responsible division's head. */
    DIVISION_HEAD,
    /** 分管局领导: the deputy head in charge; signs the formal reply of an ordinary proposal. */
    DEPUTY_HEAD,
    /** 局主要领导: the bureau head; reviews and signs the reply of a key proposal. */
    BUREAU_HEAD;

    /** The level after this one for the case, or null when this is the last. */
    public ReviewLevel next(boolean keyProposal) {
        return switch (this) {
            case DIVISION_HEAD -> DEPUTY_HEAD;
            case DEPUTY_HEAD -> keyProposal ? BUREAU_HEAD : null;
            case BUREAU_HEAD -> null;
        };
    }

    /** Who signs the formal reply: the bureau head for a key proposal, the deputy head in charge otherwise. */
    public static ReviewLevel signerFor(boolean keyProposal) {
        return keyProposal ? BUREAU_HEAD : DEPUTY_HEAD;
    }

    /** The person the case names at this level, or null when none is named. */
    public String personOf(HandlingCase c) {
        return switch (this) {
            case DIVISION_HEAD -> c.divisionHeadId;
            case DEPUTY_HEAD -> c.deputyHeadId;
            case BUREAU_HEAD -> c.bureauHeadId;
        };
    }

    public String nameOf(HandlingCase c) {
        return switch (this) {
            case DIVISION_HEAD -> c.divisionHeadName;
            case DEPUTY_HEAD -> c.deputyHeadName;
            case BUREAU_HEAD -> c.bureauHeadName;
        };
    }
}
