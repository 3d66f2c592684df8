package org.proposals.kit.tabular;

import org.proposals.kit.ooxml.OpcPackage;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a workbook of one sheet, row by row, as Excel, WPS and LibreOffice open it and {@link TabularFile}
 * reads it: for import files that tests make, and for exports. Only what those need: text (as inline
 * strings), numbers, dates and nothing else; no formatting beyond the date format, no formulas.
 *
 * <pre>{@code
 * try (XlsxWriter xlsx = new XlsxWriter(response, "提案")) {
 *     xlsx.row("提案号", "标题", "提交日期");
 *     xlsx.row(20220024, "关于加强老旧小区改造的提案", LocalDate.of(2022, 3, 15));
 * }
 * }</pre>
 *
 * A cell is written by its value's type: a {@link Number} as a number, a {@link LocalDate} or
 * {@link LocalDateTime} as a date that Excel shows as one, null as an empty cell, and anything else as its
 * {@code toString()} text. Rows are streamed, so a large export is not held in memory. Not thread-safe.
 */
public final class XlsxWriter implements Closeable {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** Style 1 shows a date (built-in format 14), style 2 a date and time (22); style 0 is General. */
    private static final int DATE_STYLE = 1;
    private static final int DATE_TIME_STYLE = 2;
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final int MAX_ROWS = 1_048_576;

    private final ZipOutputStream zip;
    private final Writer sheet;
    private int rowNumber;
    private boolean closed;

    /** A workbook whose one sheet is named "Sheet1". */
    public XlsxWriter(OutputStream out) {
        this(out, "Sheet1");
    }

    /**
     * Starts a workbook on {@code out}, whose one sheet has the given name (at most 31 characters, none of
     * {@code \ / ? * [ ] :}, as Excel requires).
     */
    public XlsxWriter(OutputStream out, String sheetName) {
        Objects.requireNonNull(out, "out");
        checkSheetName(sheetName);
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        try {
            part("[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    </Types>""");
            part("_rels/.rels", OpcPackage.relationshipTo("officeDocument", "xl/workbook.xml"));
            part("xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="%s" xmlns:r="%s">\
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets>\
                    </workbook>""".formatted(MAIN, OpcPackage.RELATIONSHIPS, xml(sheetName)));
            part("xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="%s">\
                    <Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/>\
                    </Relationships>""".formatted(OpcPackage.PACKAGE_RELATIONSHIPS, OpcPackage.RELATIONSHIPS, OpcPackage.RELATIONSHIPS));
            // Excel wants one font, two fills, one border and a General style before any of its own
            part("xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="%s">\
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                    <xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                    </styleSheet>""".formatted(MAIN));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                    + "\"><sheetData>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a workbook of the given rows, the first usually the header, and returns its bytes. */
    public static byte[] toBytes(List<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter(out)) {
            rows.forEach(xlsx::row);
        }
        return out.toByteArray();
    }

    /** Adds the next row, its cells from column A on. */
    public XlsxWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** Adds the next row, its cells from column A on. */
    public XlsxWriter row(List<?> cells) {
        if (closed) {
            throw new IllegalStateException("the workbook is closed");
        }
        if (rowNumber == MAX_ROWS || cells.size() > XlsxValues.MAX_COLUMN + 1) {
            throw new IllegalArgumentException("a sheet has at most " + MAX_ROWS + " rows of "
                    + (XlsxValues.MAX_COLUMN + 1) + " cells");
        }
        rowNumber++;
        try {
            sheet.write("<row r=\"" + rowNumber + "\">");
            for (int i = 0; i < cells.size(); i++) {
                cell(TabularFile.columnLetter(i) + rowNumber, cells.get(i));
            }
            sheet.write("</row>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void cell(String reference, Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof LocalDate date) {
            sheet.write("<c r=\"" + reference + "\" s=\"" + DATE_STYLE + "\"><v>" + serial(date.atStartOfDay()) + "</v></c>");
        } else if (value instanceof LocalDateTime dateTime) {
            sheet.write("<c r=\"" + reference + "\" s=\"" + DATE_TIME_STYLE + "\"><v>" + serial(dateTime) + "</v></c>");
        } else if (value instanceof Number number && finite(number)) {
            sheet.write("<c r=\"" + reference + "\"><v>" + plain(number) + "</v></c>");
        } else {
            text(reference, value.toString());
        }
    }

    private void text(String reference, String text) throws IOException {
        if (!text.isEmpty()) {
            sheet.write("<c r=\"" + reference + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    + xml(XlsxValues.escape(text)) + "</t></is></c>");
        }
    }

    /** Finishes the workbook and closes the stream it was written to. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void part(String name, String content) throws IOException {
        OpcPackage.part(zip, name, content);
    }

    /** Days since Excel's 1900 epoch, with the time of day as the fraction (dates after 1900-02-28 only). */
    private static String serial(LocalDateTime dateTime) {
        long days = ChronoUnit.DAYS.between(EPOCH_1900, dateTime.toLocalDate());
        int seconds = dateTime.toLocalTime().toSecondOfDay();
        if (days < 61) {
            throw new IllegalArgumentException("dates before 1900-03-01 are not written: " + dateTime);
        }
        return seconds == 0 ? Long.toString(days) : plain(days + seconds / 86_400.0);
    }

    /** Whether a number can be written as one: not NaN or infinite, and a number type the JDK knows. */
    private static boolean finite(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        return number instanceof BigDecimal || number instanceof BigInteger || number instanceof Long
                || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }

    /** A number as XML Schema's decimal, which is what Excel expects: no exponent. */
    private static String plain(Number number) {
        BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        return decimal.stripTrailingZeros().toPlainString();
    }

    private static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\r' -> escaped.append("&#13;"); // as is, a parser would make \r\n a plain \n
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static void checkSheetName(String name) {
        if (name == null || name.isBlank() || name.length() > 31 || name.matches(".*[\\\\/?*\\[\\]:].*")
                || name.startsWith("'") || name.endsWith("'")) {
            throw new IllegalArgumentException("not a sheet name Excel accepts: " + name);
        }
    }
}
