package org.proposals.assignment.rest;

import org.proposals.assignment.Division;
import org.proposals.assignment.HandlingUnit;
import org.proposals.assignment.Person;

import java.time.OffsetDateTime;

/** Units, divisions and people as the API shows them. */
public final class UnitViews {

    private UnitViews() {
    }

    public record UnitView(String id, String name, String shortName, boolean active, long version,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static UnitView of(HandlingUnit u) {
            return new UnitView(u.id, u.name, u.shortName, u.active, u.version, u.createdAt, u.updatedAt);
        }
    }

    public record DivisionView(String id, String unitId, String name, boolean active, long version,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static DivisionView of(Division d) {
            return new DivisionView(d.id, d.unitId, d.name, d.active, d.version, d.createdAt, d.updatedAt);
        }
    }

    /** {@code phone} is null for a caller who may not see contacts (a proposer). */
    public record PersonView(String id, String name, String unitId, String divisionId, Person.Position position,
                             String phone, boolean active, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static PersonView of(Person p, boolean withContacts) {
            return new PersonView(p.id, p.name, p.unitId, p.divisionId, p.position, withContacts ? p.phone : null, p.active,
                    p.version, p.createdAt, p.updatedAt);
        }
    }
}
