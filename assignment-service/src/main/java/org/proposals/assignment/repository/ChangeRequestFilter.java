package org.proposals.assignment.repository;

import io.quarkus.panache.common.Parameters;
import org.proposals.assignment.RequestStatus;

import java.util.UUID;

/** Narrows a list of units' requests by status, unit and assignment; null parts do not narrow it. */
record ChangeRequestFilter(String where, Parameters params) {

    static ChangeRequestFilter of(RequestStatus status, String unitId, UUID assignmentId) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (unitId != null) {
            where.append(" and unitId = :unitId");
            params.and("unitId", unitId);
        }
        if (assignmentId != null) {
            where.append(" and assignmentId = :assignmentId");
            params.and("assignmentId", assignmentId);
        }
        return new ChangeRequestFilter(where.toString(), params);
    }
}
