package org.proposals.kit.tabular;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the rows a reader finds, blank ones included, into a {@link TabularFile}: the first row that is not
 * blank is the header, the rest are data. The limits are checked here, as the rows come, so that a reader
 * stops at the first row too many instead of reading a whole oversized file first.
 */
final class TableBuilder {

    private final TabularFile.Limits limits;
    private Header header;
    private int headerRowNumber;
    private final List<Row> rows = new ArrayList<>();

    TableBuilder(TabularFile.Limits limits) {
        this.limits = limits;
    }

    /**
     * Checks, before a reader makes room for it, that a value in column {@code index} is within the
     * limit: sparse XLSX cells can name any column up to XFD.
     */
    void checkColumn(int rowNumber, int index) {
        if (index >= limits.maxColumns()) {
            throw new UnreadableFileException("row " + rowNumber + " has a value in column "
                    + TabularFile.columnLetter(index) + "; a file may have at most " + limits.maxColumns() + " columns");
        }
    }

    /** A row as read: its number and its values from column A on. */
    void add(int rowNumber, List<String> cells) {
        int width = lastValue(cells) + 1;
        if (width == 0) {
            return; // blank rows are skipped, and keep the rows after them at their true numbers
        }
        checkColumn(rowNumber, width - 1);
        if (header == null) {
            List<String> names = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                checkLength(rowNumber, i, cells.get(i));
                names.add(strip(cells.get(i)));
            }
            header = new Header(names);
            headerRowNumber = rowNumber;
            return;
        }
        if (rows.size() == limits.maxRows()) {
            throw new UnreadableFileException("the file has more than " + limits.maxRows()
                    + " rows; split it into files of at most " + limits.maxRows() + " rows each");
        }
        int size = Math.max(width, header.names().size());
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String value = i < cells.size() ? cells.get(i) : "";
            checkLength(rowNumber, i, value);
            values.add(value);
        }
        rows.add(new Row(rowNumber, Collections.unmodifiableList(values), header));
    }

    TabularFile build(TabularFile.Format format) {
        if (header == null) {
            throw new UnreadableFileException("the file is empty: it has no header row");
        }
        return new TabularFile(format, header, headerRowNumber, List.copyOf(rows));
    }

    private void checkLength(int rowNumber, int index, String value) {
        if (value.length() > limits.maxCellLength()) {
            throw new UnreadableFileException(Row.where(rowNumber, index, header) + " has more than "
                    + limits.maxCellLength() + " characters");
        }
        // an XLSX may write it as _x0000_; no PostgreSQL text can store it
        if (value.indexOf('\u0000') >= 0) {
            throw new UnreadableFileException(Row.where(rowNumber, index, header) + " holds the NUL character");
        }
    }

    private static int lastValue(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** A column name without the spaces, no-break spaces and byte order marks that editors leave around it. */
    static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isPadding(name.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
