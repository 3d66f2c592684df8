package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.HandlingUnit;
import org.proposals.assignment.repository.HandlingUnitRepository;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The handling units an assignment may name: recorded in the master data and not retired. */
@ApplicationScoped
public class UnitDirectory {

    @Inject
    HandlingUnitRepository units;

    /**
     * The recorded, active units of an assignment by id, each read under a shared lock so that none is retired
     * before the assignment commits. A unit name sent along must be the unit's name or short name, which
     * catches a form that shows one unit and sends another's id.
     *
     * @throws ApiProblem 400 naming {@code units[i].unitId} (or {@code unitName}) for every unit that is not
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, HandlingUnit> requireActive(List<UnitAssignment> assigned) {
        Map<String, HandlingUnit> found = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < assigned.size(); i++) {
            UnitAssignment unit = assigned.get(i);
            HandlingUnit recorded = units.findShared(unit.unitId()).orElse(null);
            if (recorded == null) {
                errors.add(new Problem.FieldError("units[" + i + "].unitId", "no handling unit " + unit.unitId()
                        + " is recorded (GET /api/v1/units)"));
            } else if (!recorded.active) {
                errors.add(new Problem.FieldError("units[" + i + "].unitId", "unit " + unit.unitId() + " (" + recorded.name
                        + ") is retired and takes no new assignments"));
            } else if (unit.unitName() != null && !unit.unitName().equals(recorded.name)
                    && !unit.unitName().equals(recorded.shortName)) {
                errors.add(new Problem.FieldError("units[" + i + "].unitName", "unit " + unit.unitId() + " is "
                        + recorded.name + (recorded.shortName == null ? "" : " (" + recorded.shortName + ")")
                        + "; leave unitName out or send that"));
            } else {
                found.put(unit.unitId(), recorded);
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, ApiProblem.TYPE_BASE + "invalid-request", "Invalid request",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                            : errors.size() + " units cannot be assigned to", errors);
        }
        return found;
    }
}
