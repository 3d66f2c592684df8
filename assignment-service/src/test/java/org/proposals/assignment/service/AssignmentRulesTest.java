package org.proposals.assignment.service;

import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.kit.rest.ApiProblem;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.proposals.events.HandlingType.CO_HANDLING;
import static org.proposals.events.HandlingType.LEAD;
import static org.proposals.events.HandlingType.SOLE;
import static org.proposals.events.HandlingType.SPLIT;

class AssignmentRulesTest {

    private static UnitAssignment unit(String id, HandlingType type) {
        return new UnitAssignment(id, id, type);
    }

    @Test
    void theCombinationsOfTheSeedAreAllowed() {
        assertDoesNotThrow(() -> AssignmentRules.check(List.of(unit("miit", SOLE))));
        assertDoesNotThrow(() -> AssignmentRules.check(List.of(unit("miit", LEAD), unit("drc", CO_HANDLING), unit("sti", CO_HANDLING))));
        assertDoesNotThrow(() -> AssignmentRules.check(List.of(unit("miit", SPLIT), unit("drc", SPLIT))));
    }

    @Test
    void aSoleUnitStandsAlone() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> AssignmentRules.check(List.of(unit("miit", SOLE), unit("drc", CO_HANDLING))));
        assertEquals(400, problem.status());
    }

    @Test
    void coHandlingNeedsExactlyOneLeadAndALeadNeedsCoHandlers() {
        assertThrows(ApiProblem.class, () -> AssignmentRules.check(List.of(unit("drc", CO_HANDLING))));
        assertThrows(ApiProblem.class, () -> AssignmentRules.check(List.of(unit("a", LEAD), unit("b", LEAD), unit("c", CO_HANDLING))));
        assertThrows(ApiProblem.class, () -> AssignmentRules.check(List.of(unit("miit", LEAD))));
    }

    @Test
    void splitNeedsTwoUnitsAndDoesNotMixWithLead() {
        assertThrows(ApiProblem.class, () -> AssignmentRules.check(List.of(unit("miit", SPLIT))));
        assertThrows(ApiProblem.class, () -> AssignmentRules.check(List.of(unit("a", SPLIT), unit("b", SPLIT), unit("c", LEAD), unit("d", CO_HANDLING))));
    }

    @Test
    void aUnitAppearsOnce() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> AssignmentRules.check(List.of(unit("miit", SPLIT), unit("miit", SPLIT))));
        assertEquals("units[1].unitId", problem.toProblem(null).errors().get(0).field());
    }
}
