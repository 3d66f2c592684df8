package org.proposals.kit.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A spreadsheet that an office uploads for a bulk import, read as a header and data rows: the first sheet
 * of an XLSX workbook, or a CSV file. Offices export from Excel, WPS and their own systems, so the format
 * and encoding are found from the file itself rather than trusted from its name.
 *
 * <pre>{@code
 * TabularFile file = TabularFile.read(upload.fileName(), upload.contentType(), in);
 * List<String> missing = file.missingColumns(List.of("提案号", "标题"));
 * for (Row row : file.rows()) {
 *     if (row.get("标题").isBlank()) {
 *         errors.add(row.where("标题") + ": the title is empty");   // "row 7, column C (标题): ..."
 *     }
 * }
 * }</pre>
 *
 * <p>The header is the first row that is not blank; the rows after it are the data. Rows are numbered as
 * the spreadsheet numbers them (the header is usually row 1, so the first data row is row 2), blank rows
 * are skipped but counted, so that a row a report names is the row the person sees. A file beyond the
 * {@link Limits} is refused whole, as is one that is not a table: both with an
 * {@link UnreadableFileException} that says why.
 */
public final class TabularFile {

    public static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public enum Format {
        CSV, XLSX
    }

    /**
     * How much a file may hold, so that one upload cannot exhaust a service's memory.
     *
     * @param maxRows          data rows, the header and blank rows not counted
     * @param maxColumns       columns, counted from A to the last that has a value in any row
     * @param maxCellLength    characters in one cell (Excel's own limit is 32,767)
     * @param maxFileBytes     the size of the file as uploaded
     * @param maxUnzippedBytes the size of an XLSX's contents once unzipped, which a small file can make huge
     * @param maxZipEntries    the number of parts in an XLSX
     */
    public record Limits(int maxRows, int maxColumns, int maxCellLength, long maxFileBytes, long maxUnzippedBytes,
                         int maxZipEntries) {

        public static final Limits DEFAULT = new Limits(20_000, 256, 32_767, 32L << 20, 100L << 20, 1_000);

        public Limits {
            if (maxRows < 0 || maxColumns < 1 || maxCellLength < 1 || maxFileBytes < 1 || maxUnzippedBytes < 1
                    || maxZipEntries < 1) {
                throw new IllegalArgumentException("limits must be positive (max rows may be 0): " + this);
            }
        }

        public Limits withMaxRows(int maxRows) {
            return new Limits(maxRows, maxColumns, maxCellLength, maxFileBytes, maxUnzippedBytes, maxZipEntries);
        }
    }

    private final Format format;
    private final Header header;
    private final int headerRowNumber;
    private final List<Row> rows;

    TabularFile(Format format, Header header, int headerRowNumber, List<Row> rows) {
        this.format = format;
        this.header = header;
        this.headerRowNumber = headerRowNumber;
        this.rows = rows;
    }

    /** Reads an uploaded file within the {@link Limits#DEFAULT default limits}. */
    public static TabularFile read(String fileName, String contentType, InputStream in) {
        return read(fileName, contentType, in, Limits.DEFAULT);
    }

    /**
     * Reads an uploaded file: XLSX when it is a zip archive (or is named or typed as XLSX, in which case it
     * must be one), CSV otherwise. The name and content type, either of which may be null, only decide
     * which complaint a file that is neither gets. Reads the stream to its end but does not close it.
     *
     * @throws UnreadableFileException when the file is not a table this can read, is damaged, or is beyond
     *                                 the limits
     * @throws UncheckedIOException    when the stream itself fails (the upload broke off)
     */
    public static TabularFile read(String fileName, String contentType, InputStream in, Limits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        byte[] bytes = readAtMost(in, limits.maxFileBytes());
        if (bytes.length == 0) {
            throw new UnreadableFileException("the file is empty");
        }
        TableBuilder table = new TableBuilder(limits);
        if (isZip(bytes)) {
            XlsxReader.read(bytes, limits, table);
            return table.build(Format.XLSX);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new UnreadableFileException("an Excel 97-2003 (.xls) or password-protected workbook, which cannot"
                    + " be read; save it as .xlsx without a password, or as CSV");
        }
        if (namedXlsx(fileName, contentType)) {
            throw new UnreadableFileException("not an XLSX file, although it is named or sent as one");
        }
        CsvReader.read(bytes, table);
        return table.build(Format.CSV);
    }

    public Format format() {
        return format;
    }

    /**
     * The column names of the header row, stripped of surrounding spaces, from column A to the last that has
     * a name. A column without a name is the empty string; no two columns have the same name.
     */
    public List<String> header() {
        return header.names();
    }

    /** The number of the header row: 1 unless the file starts with blank rows. */
    public int headerRowNumber() {
        return headerRowNumber;
    }

    /** The data rows that are not blank, in order, each with its row number. */
    public List<Row> rows() {
        return rows;
    }

    public boolean hasColumn(String name) {
        return header.indexOf(name) >= 0;
    }

    /** The index of the named column (0 is column A), or -1 when the header has no such column. */
    public int columnIndex(String name) {
        return header.indexOf(name);
    }

    /** The names among {@code required} that the header lacks, in their order: empty when it has them all. */
    public List<String> missingColumns(Collection<String> required) {
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!hasColumn(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * The letter the spreadsheet shows above the named column ("C").
     *
     * @throws IllegalArgumentException when the header has no such column
     */
    public String columnLetter(String name) {
        return columnLetter(header.index(name));
    }

    /** The letters of the column at {@code index}: A for 0, Z for 25, AA for 26, XFD for 16383. */
    public static String columnLetter(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index " + index + " is negative");
        }
        StringBuilder letters = new StringBuilder(3);
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.append((char) ('A' + (n - 1) % 26));
        }
        return letters.reverse().toString();
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new UnreadableFileException("the file is larger than " + size(maxBytes));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }

    static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    /** A zip archive's local file header, or the end record of an empty one. */
    private static boolean isZip(byte[] bytes) {
        return startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'P', 'K', 5, 6);
    }

    private static boolean namedXlsx(String fileName, String contentType) {
        boolean named = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        boolean typed = contentType != null
                && contentType.split(";", 2)[0].strip().equalsIgnoreCase(XLSX_CONTENT_TYPE);
        return named || typed;
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
