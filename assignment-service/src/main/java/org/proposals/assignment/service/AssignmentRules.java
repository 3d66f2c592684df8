package org.proposals.assignment.service;

import org.proposals.assignment.Assignment;
import org.proposals.events.HandlingType;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The combinations of handling types one proposal may be assigned with:
 * a sole unit stands alone; co-handling units assist exactly one lead unit (and a lead needs them);
 * split handling means two or more units each answering their own part; a unit appears once.
 */
public final class AssignmentRules {

    private AssignmentRules() {
    }

    /** Throws a 400 problem naming every broken rule, or returns quietly. */
    public static void check(List<UnitAssignment> units) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<HandlingType, Integer> counts = new EnumMap<>(HandlingType.class);
        for (int i = 0; i < units.size(); i++) {
            UnitAssignment unit = units.get(i);
            if (!seen.add(unit.unitId())) {
                errors.add(new Problem.FieldError("units[" + i + "].unitId", "unit " + unit.unitId() + " appears more than once"));
            }
            counts.merge(unit.handlingType(), 1, Integer::sum);
        }
        int sole = counts.getOrDefault(HandlingType.SOLE, 0);
        int lead = counts.getOrDefault(HandlingType.LEAD, 0);
        int split = counts.getOrDefault(HandlingType.SPLIT, 0);
        int coHandling = counts.getOrDefault(HandlingType.CO_HANDLING, 0);
        if (sole > 0 && units.size() > 1) {
            errors.add(new Problem.FieldError("units", "a SOLE unit handles the proposal alone; no other unit may be assigned"));
        }
        if (coHandling > 0 && lead != 1) {
            errors.add(new Problem.FieldError("units", "CO_HANDLING units need exactly one LEAD unit, found " + lead));
        }
        if (lead > 1) {
            errors.add(new Problem.FieldError("units", "a proposal has at most one LEAD unit, found " + lead));
        }
        if (lead == 1 && coHandling == 0) {
            errors.add(new Problem.FieldError("units", "a LEAD unit needs at least one CO_HANDLING unit; a unit alone is SOLE"));
        }
        if (split == 1) {
            errors.add(new Problem.FieldError("units", "SPLIT handling needs two or more units, each answering its part"));
        }
        if (split > 0 && (lead > 0 || coHandling > 0)) {
            errors.add(new Problem.FieldError("units", "SPLIT cannot be combined with LEAD or CO_HANDLING"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, ApiProblem.TYPE_BASE + "invalid-assignment", "Invalid assignment",
                    errors.size() == 1 ? errors.get(0).message() : errors.size() + " assignment rules are broken", errors);
        }
    }

    /**
     * The units a proposal would have after a change — those staying plus those added — checked as a whole,
     * since a change to one unit can break a rule about the others (a co-handler left without its lead).
     *
     * @param change what the change is, for the message of the 400 on {@code units}
     * @return the units after the change
     */
    public static List<UnitAssignment> checkChange(List<Assignment> staying, List<UnitAssignment> added, String change) {
        List<UnitAssignment> after = new ArrayList<>(staying.stream()
                .map(a -> new UnitAssignment(a.unitId, a.unitName, a.handlingType)).toList());
        after.addAll(added);
        if (after.isEmpty()) {
            throw ApiProblem.invalid("units", "the proposal would be left with no unit: name the unit(s) to take it over");
        }
        try {
            check(after);
        } catch (ApiProblem broken) {
            throw ApiProblem.invalid("units", change + ", the proposal's units "
                    + after.stream().map(u -> u.unitId() + " " + u.handlingType()).toList() + " break the rules: " + broken.getMessage());
        }
        return after;
    }
}
