package org.proposals.assignment.service;

import org.proposals.events.Actor;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.security.Roles;

/**
 * The units whose divisions and people a change may touch: every unit for the committee and administrators,
 * its own for a unit's office, none for anyone else. Another unit's records answer 404 to a change, as the
 * platform answers every record that is not the caller's.
 */
public record UnitScope(String unitId, boolean allUnits) {

    /** The committee, administrators, and the platform itself when it loads its demo data. */
    public static final UnitScope ALL = new UnitScope(null, true);

    public static UnitScope of(Actor actor) {
        if (actor.hasAnyRole(Roles.COMMITTEE, Roles.ADMIN)) {
            return ALL;
        }
        if (actor.hasRole(Roles.UNIT_OFFICE) && actor.unitId() != null) {
            return new UnitScope(actor.unitId(), false);
        }
        return new UnitScope(null, false);
    }

    public boolean covers(String unit) {
        return allUnits || unitId != null && unitId.equals(unit);
    }

    /** Refuses a change to a unit outside the scope as if the unit did not exist. */
    public void require(String unit) {
        if (!covers(unit)) {
            throw ApiProblem.notFound("Unit", unit);
        }
    }
}
