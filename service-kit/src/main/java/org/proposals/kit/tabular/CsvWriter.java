package org.proposals.kit.tabular;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table as CSV for spreadsheets: UTF-8 with a byte order mark, so that Excel reads Chinese text, CRLF line
 * ends and quoting as RFC 4180 has them, and a cell a spreadsheet would take for a formula written as text.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static byte[] toBytes(List<?> headings, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, headings);
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
