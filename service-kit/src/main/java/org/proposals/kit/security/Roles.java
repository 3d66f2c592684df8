package org.proposals.kit.security;

/**
 * The roles a token may carry (claim {@code groups}, or where the identity provider puts them, see
 * {@code smallrye.jwt.path.groups}). Resources name them in {@code @RolesAllowed}.
 */
public final class Roles {

    /** A CPPCC member or NPC deputy: sees and rates only what is theirs. */
    public static final String PROPOSER = "PROPOSER";
    /** Proposal committee staff: register and assign. */
    public static final String COMMITTEE = "COMMITTEE";
    /** A handling unit's office: signs for, tracks, reviews. */
    public static final String UNIT_OFFICE = "UNIT_OFFICE";
    /** The bureau head or the deputy head in charge. */
    public static final String UNIT_LEADER = "UNIT_LEADER";
    public static final String DIVISION_HEAD = "DIVISION_HEAD";
    /** The person who handles a case and drafts its reply. */
    public static final String HANDLER = "HANDLER";
    /** The city government's supervision office. */
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";
    /** The supervision office's own system, calling with machine credentials. */
    public static final String SUPERVISION_SYSTEM = "SUPERVISION_SYSTEM";

    private Roles() {
    }
}
