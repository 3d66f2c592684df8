package org.proposals.kit.tabular;

import java.util.List;

/**
 * One data row of a {@link TabularFile}, with its number as the spreadsheet shows it, so that what an
 * import reports about a row can be found in the file.
 *
 * <p>A cell that is empty, or missing because the row ends early or the sheet leaves it out, reads as the
 * empty string, never null: "no value" looks the same whichever program wrote the file. Values are as
 * written, not stripped.
 */
public final class Row {

    private final int number;
    private final List<String> values;
    private final Header header;

    Row(int number, List<String> values, Header header) {
        this.number = number;
        this.values = values;
        this.header = header;
    }

    /** The row's number in the spreadsheet, 1-based, counting the header and any blank rows before it. */
    public int number() {
        return number;
    }

    /**
     * The value in the named column of the header.
     *
     * @throws IllegalArgumentException when the header has no such column (check with
     *                                  {@link TabularFile#hasColumn} or {@link TabularFile#missingColumns})
     */
    public String get(String column) {
        return get(header.index(column));
    }

    /** The value in the column at {@code index} (0 is column A). */
    public String get(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index " + index + " is negative");
        }
        return index < values.size() ? values.get(index) : "";
    }

    /**
     * The row's values from column A on: at least as many as the header has columns, more when the row
     * has values beyond the header.
     */
    public List<String> values() {
        return values;
    }

    /** Where a cell of the named column is, for messages: "row 7, column C (标题)". */
    public String where(String column) {
        return where(header.index(column));
    }

    /** Where the cell at {@code index} is, for messages: "row 7, column C (标题)", or "row 7, column Z". */
    public String where(int index) {
        return where(number, index, header);
    }

    static String where(int number, int index, Header header) {
        String name = header == null ? "" : header.name(index);
        return "row " + number + ", column " + TabularFile.columnLetter(index) + (name.isEmpty() ? "" : " (" + name + ")");
    }

    @Override
    public String toString() {
        return "row " + number + " " + values;
    }
}
