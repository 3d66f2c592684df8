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
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Problem;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.tabular.ImportColumn;
import org.proposals.kit.tabular.ImportProblems;
import org.proposals.kit.tabular.ImportRow;
import org.proposals.kit.tabular.Row;
import org.proposals.kit.tabular.RowError;
import org.proposals.kit.tabular.TabularFile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports units, divisions and people from a CSV or XLSX file with one row per person and the unit and
 * division they work in. An import is an upsert by id: units and divisions are created as rows name them,
 * and each person is created, updated or found unchanged, so the same file imported again changes nothing.
 * Every row is checked before anything is written; by default one bad row means nothing is imported.
 *
 * <p>The committee and administrators import for every unit. A unit's office imports its own unit's people
 * and divisions: its rows must name its unit as recorded, since units themselves are the committee's.
 * Units and divisions are retired over REST, not by a file; a file retires people (状态 停用).
 */
@ApplicationScoped
public class UnitImport {

    /** What happened to the person of one row. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, INVALID }

    public record RowResult(int row, Outcome outcome, String personId, String unitId, String divisionId,
                            List<RowError> errors) {
    }

    /** How many units or divisions the import created and changed. */
    public record Tally(int created, int updated) {
    }

    /** The import's report: counts of people by outcome, of units and divisions touched, and every row's outcome. */
    public record Report(String fileName, int rows, int created, int updated, int unchanged, int invalid,
                         Tally units, Tally divisions, List<RowResult> results) {
    }

    private static final int BATCH = 50;
    private static final Pattern CODE = Pattern.compile(MasterRecord.CODE_PATTERN);
    private static final Pattern UNIT_ID = Pattern.compile(MasterRecord.UNIT_ID_PATTERN);
    private static final Pattern PERSON_ID = Pattern.compile(MasterRecord.PERSON_ID_PATTERN);

    @Inject
    UnitService service;

    @Inject
    HandlingUnitRepository units;

    @Inject
    DivisionRepository divisions;

    @Inject
    PersonRepository people;

    /**
     * @param scope         the units the importer manages; rows of other units are invalid
     * @param keepValidRows import the valid rows even if others are invalid (they are reported)
     */
    @Transactional
    public Report importFile(UnitScope scope, TabularFile table, String fileName, boolean keepValidRows) {
        // what the rows are checked against stays so until the import commits
        units.lockMasterData();
        Map<UnitImportColumns, String> columns = ImportColumn.headingsIn(table, UnitImportColumns.class);
        FileContext file = new FileContext(scope);
        List<RowResult> results = new ArrayList<>();
        List<PersonRow> valid = new ArrayList<>();
        List<Integer> resultOfValid = new ArrayList<>();
        for (Row row : table.rows()) {
            RowReader reader = new RowReader(row, columns, table);
            PersonRow person = reader.read();
            if (person != null) {
                file.check(person, reader);
            }
            if (!reader.valid()) {
                results.add(new RowResult(row.number(), Outcome.INVALID, person == null ? null : person.id(),
                        person == null ? null : person.unitId(), person == null ? null : person.divisionId(),
                        reader.errors()));
                continue;
            }
            results.add(null); // filled in once imported
            valid.add(person);
            resultOfValid.add(results.size() - 1);
        }
        int invalid = results.size() - valid.size();
        if (invalid > 0 && !keepValidRows) {
            throw rejected(results, invalid);
        }

        Map<UnitService.Outcome, Integer> unitOutcomes = new EnumMap<>(UnitService.Outcome.class);
        Map<UnitService.Outcome, Integer> divisionOutcomes = new EnumMap<>(UnitService.Outcome.class);
        Map<Outcome, Integer> personOutcomes = new EnumMap<>(Outcome.class);
        Set<String> unitsSaved = new HashSet<>();
        Set<String> divisionsSaved = new HashSet<>();
        for (int i = 0; i < valid.size(); i++) {
            if (i > 0 && i % BATCH == 0) {
                // Every flush checks each managed entity: writing the rows out and forgetting them keeps a large
                // import linear instead of quadratic. Records are looked up by id again after this point.
                units.flush();
                units.getEntityManager().clear();
            }
            PersonRow p = valid.get(i);
            if (scope.allUnits() && unitsSaved.add(p.unitId())) {
                String shortName = p.unitShortName() != null ? p.unitShortName()
                        : units.findByIdOptional(p.unitId()).map(u -> u.shortName).orElse(null);
                unitOutcomes.merge(service.saveUnit(p.unitId(), Versions.ANY,
                        new UnitService.UnitDetails(p.unitName(), shortName, null)).outcome(), 1, Integer::sum);
            }
            if (p.divisionId() != null && divisionsSaved.add(p.divisionId())) {
                divisionOutcomes.merge(service.saveDivision(scope, p.unitId(), p.divisionId(), Versions.ANY,
                        new UnitService.DivisionDetails(p.divisionName(), null)).outcome(), 1, Integer::sum);
            }
            UnitService.Saved<Person> saved = service.savePerson(scope, p.unitId(), p.id(), Versions.ANY,
                    new UnitService.PersonDetails(p.name(), p.divisionId(), p.position(), p.phone(), p.active()));
            Outcome outcome = Outcome.valueOf(saved.outcome().name());
            personOutcomes.merge(outcome, 1, Integer::sum);
            int at = resultOfValid.get(i);
            results.set(at, new RowResult(table.rows().get(at).number(), outcome, p.id(), p.unitId(), p.divisionId(), List.of()));
        }
        return new Report(fileName, results.size(), personOutcomes.getOrDefault(Outcome.CREATED, 0),
                personOutcomes.getOrDefault(Outcome.UPDATED, 0), personOutcomes.getOrDefault(Outcome.UNCHANGED, 0), invalid,
                tally(unitOutcomes), tally(divisionOutcomes), results);
    }

    private static Tally tally(Map<UnitService.Outcome, Integer> outcomes) {
        return new Tally(outcomes.getOrDefault(UnitService.Outcome.CREATED, 0), outcomes.getOrDefault(UnitService.Outcome.UPDATED, 0));
    }

    private static ApiProblem rejected(List<RowResult> results, int invalid) {
        return ImportProblems.rejected(invalid, results.size(), results.stream()
                .filter(r -> r != null && r.outcome() == Outcome.INVALID).flatMap(r -> r.errors().stream()).toList());
    }

    /** One row as read: a person with the unit and division they work in. */
    record PersonRow(int row, String id, String name, Person.Position position, String unitId, String unitName,
                     String unitShortName, String divisionId, String divisionName, String phone, boolean active) {
    }

    /**
     * What the rows read so far said, and what is recorded: a unit or division is described the same way on
     * every row that names it, and a person appears once.
     */
    private final class FileContext {
        private final UnitScope scope;
        private final Map<String, PersonRow> unitsInFile = new HashMap<>();
        private final Map<String, PersonRow> divisionsInFile = new HashMap<>();
        private final Map<String, Integer> peopleInFile = new HashMap<>();

        FileContext(UnitScope scope) {
            this.scope = scope;
        }

        void check(PersonRow p, RowReader reader) {
            HandlingUnit unit = units.findById(p.unitId());
            checkUnit(p, unit, reader);
            if (p.divisionId() != null) {
                checkDivision(p, unit, reader);
            }
            Integer earlier = peopleInFile.putIfAbsent(p.id(), p.row());
            if (earlier != null) {
                reader.error(UnitImportColumns.PERSON_ID, "person " + p.id() + " is also on row " + earlier);
            }
            Person existing = people.findById(p.id());
            if (existing != null && !scope.covers(existing.unitId)) {
                reader.error(UnitImportColumns.PERSON_ID, "person " + p.id() + " works in unit " + existing.unitId
                        + ", which your office does not manage");
            }
        }

        private void checkUnit(PersonRow p, HandlingUnit unit, RowReader reader) {
            PersonRow first = unitsInFile.putIfAbsent(p.unitId(), p);
            if (first != null && !first.unitName().equals(p.unitName())) {
                reader.error(UnitImportColumns.UNIT_NAME, "unit " + p.unitId() + " is named " + first.unitName()
                        + " on row " + first.row());
            }
            if (first != null && p.unitShortName() != null && first.unitShortName() != null
                    && !first.unitShortName().equals(p.unitShortName())) {
                reader.error(UnitImportColumns.UNIT_SHORT_NAME, "unit " + p.unitId() + " is short-named "
                        + first.unitShortName() + " on row " + first.row());
            }
            if (!scope.allUnits()) {
                if (!scope.covers(p.unitId())) {
                    reader.error(UnitImportColumns.UNIT_ID, "your office manages the people of unit " + scope.unitId() + " only");
                    return;
                }
                if (unit == null) {
                    reader.error(UnitImportColumns.UNIT_ID, "unit " + p.unitId() + " is not recorded yet; the committee adds units");
                    return;
                }
                if (!unit.name.equals(p.unitName())) {
                    reader.error(UnitImportColumns.UNIT_NAME, "unit " + p.unitId() + " is recorded as " + unit.name
                            + "; the committee renames units");
                }
                if (p.unitShortName() != null && !p.unitShortName().equals(unit.shortName)) {
                    reader.error(UnitImportColumns.UNIT_SHORT_NAME, "unit " + p.unitId() + " is recorded with the short name "
                            + unit.shortName + "; the committee renames units");
                }
            }
            if (unit != null && !unit.active && p.active()) {
                reader.error(UnitImportColumns.UNIT_ID, "unit " + p.unitId() + " is retired");
            }
        }

        private void checkDivision(PersonRow p, HandlingUnit unit, RowReader reader) {
            PersonRow first = divisionsInFile.putIfAbsent(p.divisionId(), p);
            if (first != null && !first.unitId().equals(p.unitId())) {
                reader.error(UnitImportColumns.DIVISION_ID, "division " + p.divisionId() + " is in unit " + first.unitId()
                        + " on row " + first.row());
            } else if (first != null && !first.divisionName().equals(p.divisionName())) {
                reader.error(UnitImportColumns.DIVISION_NAME, "division " + p.divisionId() + " is named "
                        + first.divisionName() + " on row " + first.row());
            }
            Division division = divisions.findById(p.divisionId());
            if (division != null && !division.unitId.equals(p.unitId())) {
                reader.error(UnitImportColumns.DIVISION_ID, "division " + p.divisionId() + " belongs to unit " + division.unitId);
            } else if (division != null && !division.active && p.active()) {
                reader.error(UnitImportColumns.DIVISION_ID, "division " + p.divisionId() + " is retired");
            } else if (division == null && unit != null && !unit.active) {
                reader.error(UnitImportColumns.DIVISION_ID, "unit " + p.unitId() + " is retired and takes no new divisions");
            }
        }
    }

    /** Reads one row, collecting every error instead of stopping at the first. */
    private static final class RowReader extends ImportRow<UnitImportColumns> {

        RowReader(Row row, Map<UnitImportColumns, String> columns, TabularFile table) {
            super(row, table, columns, UnitImportColumns::heading);
        }

        String id(UnitImportColumns column, Pattern pattern, String rule) {
            String value = cell(column);
            if (value.isEmpty()) {
                error(column, "must not be empty");
            } else if (!pattern.matcher(value).matches()) {
                error(column, "'" + value + "' is not an id: " + rule);
            }
            return value;
        }

        PersonRow read() {
            String id = id(UnitImportColumns.PERSON_ID, PERSON_ID, MasterRecord.PERSON_ID_RULE);
            String name = required(UnitImportColumns.NAME, 200);
            Person.Position position = position();
            String unitId = id(UnitImportColumns.UNIT_ID, UNIT_ID, MasterRecord.UNIT_ID_RULE);
            String unitName = required(UnitImportColumns.UNIT_NAME, 200);
            String unitShortName = optional(UnitImportColumns.UNIT_SHORT_NAME, 100);
            String divisionId = cell(UnitImportColumns.DIVISION_ID).isEmpty() ? null
                    : id(UnitImportColumns.DIVISION_ID, CODE, MasterRecord.CODE_RULE);
            String divisionName = optional(UnitImportColumns.DIVISION_NAME, 200);
            String phone = optional(UnitImportColumns.PHONE, 50);
            boolean active = active();
            if (divisionId != null && divisionName == null) {
                error(UnitImportColumns.DIVISION_NAME, "division " + divisionId + " needs its name");
            }
            if (divisionId == null && divisionName != null) {
                error(UnitImportColumns.DIVISION_ID, "division " + divisionName + " needs its id");
            }
            if (position != null && divisionId == null && position.needsDivision()) {
                error(UnitImportColumns.DIVISION_ID, "a " + position.label + " (" + position + ") works in a division; name it");
            }
            if (position != null && divisionId != null && position.belongsToNoDivision()) {
                error(UnitImportColumns.DIVISION_ID, "a " + position.label + " (" + position
                        + ") leads the whole unit and belongs to no division; leave it empty");
            }
            if (!valid()) {
                return null;
            }
            return new PersonRow(number(), id, name, position, unitId, unitName, unitShortName, divisionId,
                    divisionName, phone, active);
        }

        /** 职务 by its name in the responsibility chain or its code. */
        private Person.Position position() {
            String value = cell(UnitImportColumns.POSITION);
            for (Person.Position position : Person.Position.values()) {
                if (position.label.equals(value) || position.name().equalsIgnoreCase(value)) {
                    return position;
                }
            }
            if (value.isEmpty()) {
                error(UnitImportColumns.POSITION, "must not be empty");
            } else {
                error(UnitImportColumns.POSITION, "'" + value + "' is not one of 局主要领导, 分管局领导, 处室负责人, 具体承办人, 办公室 "
                        + "(BUREAU_HEAD, DEPUTY_HEAD, DIVISION_HEAD, HANDLER, OFFICE)");
            }
            return null;
        }

        /** 状态: a person in post unless the row says they left. */
        private boolean active() {
            String value = cell(UnitImportColumns.STATUS);
            return switch (value.toUpperCase(java.util.Locale.ROOT)) {
                case "", "在职", "在用", "ACTIVE" -> true;
                case "停用", "离任", "离职", "RETIRED" -> false;
                default -> {
                    error(UnitImportColumns.STATUS, "'" + value + "' is not 在职 (ACTIVE) or 停用 (RETIRED)");
                    yield true;
                }
            };
        }
    }
}
