package org.proposals.kit.tabular;

import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Problem;

import java.util.List;

/** The answers every import gives when its file cannot be taken as it is. */
public final class ImportProblems {

    private ImportProblems() {
    }

    /** 422: some rows are invalid and nothing was imported; each error names its row and column. */
    public static ApiProblem rejected(int invalidRows, int rows, List<RowError> errors) {
        List<Problem.FieldError> fields = errors.stream()
                .map(e -> new Problem.FieldError("row " + e.row() + ", column " + e.column() + " (" + e.heading() + ")", e.reason()))
                .toList();
        return new ApiProblem(422, ApiProblem.TYPE_BASE + "invalid-import", "The file has invalid rows",
                invalidRows + " of " + rows + " rows are invalid, so nothing was imported; correct them, or import with "
                        + "keepValidRows=true to import the others", fields);
    }
}
