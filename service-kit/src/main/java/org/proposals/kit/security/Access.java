package org.proposals.kit.security;

import org.proposals.events.Actor;

import static org.proposals.kit.security.Roles.ADMIN;
import static org.proposals.kit.security.Roles.COMMITTEE;
import static org.proposals.kit.security.Roles.DIVISION_HEAD;
import static org.proposals.kit.security.Roles.HANDLER;
import static org.proposals.kit.security.Roles.SUPERVISION_SYSTEM;
import static org.proposals.kit.security.Roles.SUPERVISOR;
import static org.proposals.kit.security.Roles.UNIT_LEADER;
import static org.proposals.kit.security.Roles.UNIT_OFFICE;

/**
 * Whose records a person may see, beyond what their role allows: the object-level half of
 * authorization. A record that is not theirs answers 404, so that its existence is not revealed.
 */
public final class Access {

    private Access() {
    }

    /** The committee, the supervision office, its system and administrators see every unit's records. */
    public static boolean seesAllUnits(Actor actor) {
        return actor.hasAnyRole(COMMITTEE, SUPERVISOR, ADMIN, SUPERVISION_SYSTEM);
    }

    /** Whether the person sees the records of this handling unit. */
    public static boolean seesUnit(Actor actor, String unitId) {
        return seesAllUnits(actor) || isUnitStaff(actor) && actor.belongsTo(unitId);
    }

    /**
     * The unit a list or a figure may be about: the one asked for by those who see every unit, the caller's
     * own for everyone else. A token without a unit gets a unit that matches nothing, rather than all of them.
     */
    public static String unitFilter(Actor actor, String requestedUnitId) {
        if (seesAllUnits(actor)) {
            return requestedUnitId;
        }
        return actor.unitId() == null ? "" : actor.unitId();
    }

    /** Works in a handling unit (office, leaders, divisions, handlers). */
    public static boolean isUnitStaff(Actor actor) {
        return actor.hasAnyRole(UNIT_OFFICE, UNIT_LEADER, DIVISION_HEAD, HANDLER);
    }

    /** A proposer with no staff role: sees only what is addressed to them. */
    public static boolean isOnlyProposer(Actor actor) {
        return actor.hasRole(Roles.PROPOSER) && !seesAllUnits(actor) && !isUnitStaff(actor);
    }
}
