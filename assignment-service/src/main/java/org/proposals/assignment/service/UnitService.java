package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.Division;
import org.proposals.assignment.HandlingUnit;
import org.proposals.assignment.MasterRecord;
import org.proposals.assignment.Person;
import org.proposals.assignment.repository.DivisionRepository;
import org.proposals.assignment.repository.HandlingUnitRepository;
import org.proposals.assignment.repository.PersonRepository;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.time.CityClock;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The master data of the handling units: units, their divisions and their people. Each is created or
 * changed by id (a PUT, or a row of an import), retired rather than deleted, and every change is audited.
 *
 * <p>What holds at every commit: an active division belongs to an active unit; an active person belongs to
 * an active unit and, if to a division, to an active division of that unit; division heads and handlers
 * work in a division, leaders in none. So retiring goes from the bottom up (people, then divisions, then
 * the unit), and nobody is left behind in a unit that no longer takes assignments.
 */
@ApplicationScoped
@Transactional
public class UnitService {

    /** What a save did; an unchanged record keeps its version and writes no audit record. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Saved<T extends MasterRecord>(T record, Outcome outcome) {
    }

    /** {@code active} null keeps the current state; a new record is active. */
    public record UnitDetails(String name, String shortName, Boolean active) {
    }

    public record DivisionDetails(String name, Boolean active) {
    }

    public record PersonDetails(String name, String divisionId, Person.Position position, String phone, Boolean active) {
    }

    @Inject
    HandlingUnitRepository units;

    @Inject
    DivisionRepository divisions;

    @Inject
    PersonRepository people;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    /**
     * Creates or changes a unit; only the committee and administrators do.
     *
     * @param expectedVersion the version the caller's If-Match names, {@link Versions#ANY} to change whatever
     *                        the version, or null when it named none: then only a new unit may be created
     */
    public Saved<HandlingUnit> saveUnit(String id, Long expectedVersion, UnitDetails details) {
        units.lockMasterData();
        HandlingUnit unit = units.findByIdOptional(id).orElse(null);
        boolean created = unit == null;
        checkVersion(unit, expectedVersion, "Unit " + id);
        Map<String, Object> before = created ? Map.of() : state(unit);
        if (created) {
            unit = new HandlingUnit();
            unit.id = id;
        }
        unit.name = details.name().strip();
        unit.shortName = blankToNull(details.shortName());
        if (details.active() != null) {
            unit.active = details.active();
        }
        if (retiring(before, unit)) {
            long activeDivisions = divisions.countActive(id);
            long activePeople = people.countActiveInUnit(id);
            if (activeDivisions > 0 || activePeople > 0) {
                throw ApiProblem.conflict("Unit " + id + " still has " + activeDivisions + " active divisions and "
                        + activePeople + " active people; retire them first");
            }
        }
        return save(unit, created, before, state(unit), "Unit", "HandlingUnit", id);
    }

    /**
     * Creates or changes a division of a unit; a division never moves to another unit.
     *
     * @param scope the units the caller manages: another unit's division answers 404
     */
    public Saved<Division> saveDivision(UnitScope scope, String unitId, String id, Long expectedVersion,
                                        DivisionDetails details) {
        units.lockMasterData();
        scope.require(unitId);
        HandlingUnit unit = unit(unitId);
        Division division = divisions.findByIdOptional(id).orElse(null);
        boolean created = division == null;
        if (!created && !division.unitId.equals(unitId)) {
            if (!scope.covers(division.unitId)) {
                throw ApiProblem.notFound("Division", id);
            }
            throw ApiProblem.conflict("Division " + id + " belongs to unit " + division.unitId
                    + "; a division does not move to another unit");
        }
        checkVersion(division, expectedVersion, "Division " + id);
        Map<String, Object> before = created ? Map.of() : state(division);
        if (created) {
            division = new Division();
            division.id = id;
            division.unitId = unitId;
        }
        division.name = details.name().strip();
        if (details.active() != null) {
            division.active = details.active();
        }
        if (division.active && !unit.active) {
            throw ApiProblem.conflict("Unit " + unitId + " is retired; reinstate it before its divisions");
        }
        if (retiring(before, division)) {
            long activePeople = people.countActiveInDivision(id);
            if (activePeople > 0) {
                throw ApiProblem.conflict("Division " + id + " still has " + activePeople
                        + " active people; move them to another division or retire them first");
            }
        }
        return save(division, created, before, state(division), "Division", "Division", id);
    }

    /**
     * Creates or changes a person of a unit. The committee and administrators move a person to another unit
     * by saving them under it; an office changes its own unit's people only.
     *
     * @param scope the units the caller manages: a person of another unit answers 404
     */
    public Saved<Person> savePerson(UnitScope scope, String unitId, String id, Long expectedVersion, PersonDetails details) {
        units.lockMasterData();
        scope.require(unitId);
        HandlingUnit unit = unit(unitId);
        Person person = people.findByIdOptional(id).orElse(null);
        boolean created = person == null;
        if (!created && !scope.covers(person.unitId)) {
            throw ApiProblem.notFound("Person", id);
        }
        checkVersion(person, expectedVersion, "Person " + id);
        Map<String, Object> before = created ? Map.of() : state(person);
        if (created) {
            person = new Person();
            person.id = id;
        }
        person.name = details.name().strip();
        person.unitId = unitId;
        person.divisionId = blankToNull(details.divisionId());
        person.position = details.position();
        person.phone = blankToNull(details.phone());
        if (details.active() != null) {
            person.active = details.active();
        }
        checkPlace(person, unit);
        return save(person, created, before, state(person), "Person", "Person", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HandlingUnit unit(String id) {
        return units.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Unit", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HandlingUnit> units(boolean includeRetired, int page, int size) {
        return units.list(includeRetired, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countUnits(boolean includeRetired) {
        return units.count(includeRetired);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Division division(String unitId, String id) {
        unit(unitId);
        return divisions.findByIdOptional(id).filter(d -> d.unitId.equals(unitId))
                .orElseThrow(() -> ApiProblem.notFound("Division", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Division> divisions(String unitId, boolean includeRetired) {
        unit(unitId);
        return divisions.ofUnit(unitId, includeRetired);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Person person(String unitId, String id) {
        unit(unitId);
        return people.findByIdOptional(id).filter(p -> p.unitId.equals(unitId))
                .orElseThrow(() -> ApiProblem.notFound("Person", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> people(String unitId, String divisionId, Person.Position position, boolean includeRetired,
                               int page, int size) {
        unit(unitId);
        return people.ofUnit(unitId, divisionId, position, includeRetired, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countPeople(String unitId, String divisionId, Person.Position position, boolean includeRetired) {
        return people.countOfUnit(unitId, divisionId, position, includeRetired);
    }

    /** Where a person works must exist, be in use while they are, and fit their position. */
    private void checkPlace(Person person, HandlingUnit unit) {
        Person.Position position = person.position;
        if (person.divisionId == null && position.needsDivision()) {
            throw ApiProblem.invalid("divisionId", "a " + position + " (" + position.label + ") works in a division; name it");
        }
        if (person.divisionId != null && position.belongsToNoDivision()) {
            throw ApiProblem.invalid("divisionId", "a " + position + " (" + position.label
                    + ") leads the whole unit and belongs to no division; leave it out");
        }
        if (person.divisionId != null) {
            Division division = divisions.findByIdOptional(person.divisionId)
                    .filter(d -> d.unitId.equals(unit.id))
                    .orElseThrow(() -> ApiProblem.invalid("divisionId", "unit " + unit.id + " has no division " + person.divisionId));
            if (person.active && !division.active) {
                throw ApiProblem.invalid("divisionId", "division " + division.id + " is retired");
            }
        }
        if (person.active && !unit.active) {
            throw ApiProblem.conflict("Unit " + unit.id + " is retired; reinstate it before its people");
        }
    }

    /**
     * Stores a new or changed record with its audit record, whose action says what happened to it: created,
     * retired, reinstated or updated. An unchanged record is left as it was.
     */
    private <T extends MasterRecord> Saved<T> save(T record, boolean created, Map<String, Object> before,
                                                   Map<String, Object> after, String noun, String recordType, String id) {
        AuditChanges changes = created ? AuditChanges.created(after) : AuditChanges.between(before, after);
        if (!created && changes.isEmpty()) {
            return new Saved<>(record, Outcome.UNCHANGED);
        }
        OffsetDateTime now = clock.now();
        record.updatedAt = now;
        if (created) {
            record.createdAt = now;
            units.getEntityManager().persist(record);
        }
        // the new version goes out as the response's ETag
        units.flush();
        audit.record(action(noun, created, before, after), recordType, id, null, changes);
        return new Saved<>(record, created ? Outcome.CREATED : Outcome.UPDATED);
    }

    private static String action(String noun, boolean created, Map<String, Object> before, Map<String, Object> after) {
        if (created) {
            return noun + "Created";
        }
        boolean wasActive = (Boolean) before.get("active");
        boolean isActive = (Boolean) after.get("active");
        if (wasActive != isActive) {
            return noun + (isActive ? "Reinstated" : "Retired");
        }
        return noun + "Updated";
    }

    /**
     * A change must name the version it was based on, so that two people editing the same record do not
     * overwrite each other (an import overwrites by id, {@link Versions#ANY}); a creation names none, since
     * an If-Match naming a version of a record that does not exist fails (RFC 9110).
     */
    private static void checkVersion(MasterRecord existing, Long expected, String what) {
        if (existing == null) {
            if (expected != null && expected != Versions.ANY) {
                throw ApiProblem.preconditionFailed(what + " does not exist, so it has no version " + expected
                        + "; leave If-Match out to create it");
            }
            return;
        }
        if (expected == null) {
            // the kit's one answer for a missing If-Match: 428
            Versions.ifMatch(null, true);
        }
        Versions.require(existing.version, expected, what);
    }

    private static boolean retiring(Map<String, Object> before, MasterRecord record) {
        return Boolean.TRUE.equals(before.get("active")) && !record.active;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, Object> state(HandlingUnit u) {
        return AuditChanges.state("name", u.name, "shortName", u.shortName, "active", u.active);
    }

    private static Map<String, Object> state(Division d) {
        return AuditChanges.state("unitId", d.unitId, "name", d.name, "active", d.active);
    }

    private static Map<String, Object> state(Person p) {
        return AuditChanges.state("name", p.name, "unitId", p.unitId, "divisionId", p.divisionId, "position", p.position,
                "phone", p.phone, "active", p.active);
    }
}
