package org.proposals.kit.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the cells of one imported row by column and collects every error instead of stopping at the first,
 * so that the report names everything wrong with a file at once. Importers extend it with the reading of
 * their own fields.
 *
 * @param <C> the importer's columns
 */
public class ImportRow<C> {

    private final Row row;
    private final TabularFile table;
    private final Map<C, String> headings;
    private final Function<C, String> usualHeading;
    private final List<RowError> errors = new ArrayList<>();

    /**
     * @param headings     the heading each column has in this file; a column the file lacks is not there
     * @param usualHeading the heading a column is reported under when the file lacks it
     */
    public ImportRow(Row row, TabularFile table, Map<C, String> headings, Function<C, String> usualHeading) {
        this.row = row;
        this.table = table;
        this.headings = headings;
        this.usualHeading = usualHeading;
    }

    public int number() {
        return row.number();
    }

    /** The cell's text, stripped; empty when the file lacks the column. */
    public String cell(C column) {
        String heading = headings.get(column);
        return heading == null ? "" : row.get(heading).strip();
    }

    public void error(C column, String reason) {
        String heading = headings.get(column);
        errors.add(heading == null ? new RowError(row.number(), "-", usualHeading.apply(column), reason)
                : new RowError(row.number(), table.columnLetter(heading), heading, reason));
    }

    /** The cell, which must not be empty nor longer than {@code maxLength}. */
    public String required(C column, int maxLength) {
        String value = cell(column);
        if (value.isEmpty()) {
            error(column, "must not be empty");
        } else if (value.length() > maxLength) {
            error(column, "is " + value.length() + " characters long; at most " + maxLength);
        }
        return value;
    }

    /** The cell, or null when empty; never longer than {@code maxLength}. */
    public String optional(C column, int maxLength) {
        String value = cell(column);
        if (value.length() > maxLength) {
            error(column, "is " + value.length() + " characters long; at most " + maxLength);
        }
        return value.isEmpty() ? null : value;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<RowError> errors() {
        return List.copyOf(errors);
    }
}
