package org.proposals.kit.document;

import org.proposals.kit.ooxml.OpcPackage;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a Word document (.docx) as Chinese official documents are laid out, block by block: a title,
 * headings of three levels, body paragraphs with a first-line indent of two characters, simple tables and
 * page breaks, with {@linkplain Run#placeholder placeholders} highlighted in yellow. For the documents a
 * unit edits and sends on, such as the annual handling summary; Word, WPS and LibreOffice open it.
 *
 * <pre>{@code
 * try (DocxWriter docx = new DocxWriter(response)) {
 *     docx.title("市工业和信息化局2022年政协提案办理工作总结");
 *     docx.paragraph(Run.placeholder("开篇段落"));
 *     docx.heading(1, "一、政协提案办理总体情况");
 *     docx.paragraph("2022年，我局负责办理市政协七届二次会议提案111件……");
 *     docx.table(List.of("序号", "提案编号"), List.of(List.of(1, "20220024")));
 * }
 * }</pre>
 *
 * The layout follows GB/T 9704 (党政机关公文格式) as far as fonts a reader has allow: A4 with its margins,
 * body in 仿宋 16 pt (三号) on a 28 pt line, level-1 headings in 黑体, level-2 in 楷体, level-3 in bold 仿宋,
 * the title in bold 宋体 22 pt (二号) standing in for 方正小标宋, which few machines have. The numbering
 * ("一、", "（一）") is part of the text, as the writer of the document decides it.
 *
 * <p>Written with {@code java.util.zip} alone, like {@code XlsxWriter}; the body is streamed, so a long
 * document is not held in memory. Text is escaped for XML, and characters XML cannot carry (control
 * characters other than tab and line break) are dropped. Not thread-safe.
 */
public final class DocxWriter implements Closeable {

    private static final String MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** The width between A4's margins below, in twentieths of a point: 210 mm − 28 mm − 26 mm. */
    private static final int TEXT_WIDTH = 11906 - 1588 - 1474;

    private final ZipOutputStream zip;
    private final Writer body;
    private boolean endsWithTable;
    private boolean closed;

    /** Starts a document on {@code out}; {@link #close()} finishes it and closes {@code out}. */
    public DocxWriter(OutputStream out) {
        Objects.requireNonNull(out, "out");
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.body = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        try {
            part("[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
                    </Types>""");
            part("_rels/.rels", OpcPackage.relationshipTo("officeDocument", "word/document.xml"));
            part("word/_rels/document.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="%s">\
                    <Relationship Id="rId1" Type="%s/styles" Target="styles.xml"/>\
                    </Relationships>""".formatted(OpcPackage.PACKAGE_RELATIONSHIPS, OpcPackage.RELATIONSHIPS));
            part("word/styles.xml", STYLES);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            body.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + MAIN
                    + "\"><w:body>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a document with what {@code content} adds and returns its bytes. */
    public static byte[] toBytes(Consumer<DocxWriter> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DocxWriter docx = new DocxWriter(out)) {
            content.accept(docx);
        }
        return out.toByteArray();
    }

    /** The document's title, centred. */
    public DocxWriter title(String text) {
        return block("Title", List.of(Run.text(text)));
    }

    /** A heading of level 1 to 3, which also appears in the navigation pane. */
    public DocxWriter heading(int level, String text) {
        return heading(level, Run.text(text));
    }

    public DocxWriter heading(int level, Run... runs) {
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("a heading's level is 1, 2 or 3: " + level);
        }
        return block("Heading" + level, Arrays.asList(runs));
    }

    /** A body paragraph, its first line indented by two characters. */
    public DocxWriter paragraph(String text) {
        return paragraph(Run.text(text));
    }

    public DocxWriter paragraph(Run... runs) {
        return paragraph(Arrays.asList(runs));
    }

    public DocxWriter paragraph(List<Run> runs) {
        return block("BodyText", runs);
    }

    /** A paragraph without indent, e.g. "附件" above an appendix. */
    public DocxWriter label(String text) {
        return block(null, List.of(Run.text(text)));
    }

    /** A table with borders, its columns of equal width; see {@link #table(List, List, int...)}. */
    public DocxWriter table(List<String> header, List<? extends List<?>> rows) {
        return table(header, rows, new int[0]);
    }

    /**
     * A table with borders across the page: the header row in bold, repeated on every page the table runs
     * onto, then the rows. A cell holds its value's text (null: empty), or a {@link Run}, which may be a
     * placeholder. {@code widths} are the columns' relative widths ({@code 1, 4, 2}); none gives equal ones.
     */
    public DocxWriter table(List<String> header, List<? extends List<?>> rows, int... widths) {
        checkOpen();
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table has at least one column");
        }
        if (widths.length != 0 && (widths.length != header.size() || Arrays.stream(widths).anyMatch(w -> w <= 0))) {
            throw new IllegalArgumentException("one positive width per column: " + Arrays.toString(widths));
        }
        int[] weights = widths.length != 0 ? widths : new int[header.size()];
        if (widths.length == 0) {
            Arrays.fill(weights, 1);
        }
        int total = Arrays.stream(weights).sum();
        int[] twips = Arrays.stream(weights).map(w -> TEXT_WIDTH * w / total).toArray();
        StringBuilder xml = new StringBuilder();
        xml.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(TEXT_WIDTH).append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>")
                .append("<w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            xml.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        }
        xml.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (int width : twips) {
            xml.append("<w:gridCol w:w=\"").append(width).append("\"/>");
        }
        xml.append("</w:tblGrid>");
        row(xml, header, twips, true);
        for (List<?> row : rows) {
            if (row.size() > header.size()) {
                throw new IllegalArgumentException("a row has more cells than the header has columns: " + row);
            }
            row(xml, row, twips, false);
        }
        xml.append("</w:tbl>");
        write(xml);
        endsWithTable = true;
        return this;
    }

    /** Starts a new page, e.g. for an appendix. */
    public DocxWriter pageBreak() {
        checkOpen();
        write(new StringBuilder("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"));
        endsWithTable = false;
        return this;
    }

    /** Finishes the document and closes the stream it was written to. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (endsWithTable) {
                body.write("<w:p/>"); // Word ends the body with a paragraph, and adds one when a table is last
            }
            // A4, with the margins of GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right
            body.write("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                    + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\""
                    + " w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
            body.flush();
            zip.closeEntry();
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocxWriter block(String style, List<Run> runs) {
        checkOpen();
        StringBuilder xml = new StringBuilder("<w:p>");
        if (style != null) {
            xml.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
        }
        runs.forEach(run -> run(xml, run, false));
        xml.append("</w:p>");
        write(xml);
        endsWithTable = false;
        return this;
    }

    private static void row(StringBuilder xml, List<?> cells, int[] twips, boolean header) {
        xml.append("<w:tr>");
        if (header) {
            xml.append("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for (int i = 0; i < twips.length; i++) {
            Object value = i < cells.size() ? cells.get(i) : null;
            xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(twips[i]).append("\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>")
                    .append("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>").append(header ? "<w:jc w:val=\"center\"/>" : "")
                    .append("</w:pPr>");
            if (value != null) {
                run(xml, value instanceof Run run ? run : Run.text(value.toString()), header);
            }
            xml.append("</w:p></w:tc>");
        }
        xml.append("</w:tr>");
    }

    /** A run; a tab or line break in the text becomes Word's own, which a {@code w:t} would not show. */
    private static void run(StringBuilder xml, Run run, boolean bold) {
        if (run.text().isEmpty()) {
            return;
        }
        xml.append("<w:r>");
        if (bold || run.placeholder()) {
            xml.append("<w:rPr>").append(bold ? "<w:b/>" : "").append(run.placeholder() ? "<w:highlight w:val=\"yellow\"/>" : "")
                    .append("</w:rPr>");
        }
        StringBuilder text = new StringBuilder();
        String value = run.text();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n') {
                flushText(xml, text);
                xml.append(c == '\t' ? "<w:tab/>" : "<w:br/>");
            } else if (c == '\r') {
                if (i + 1 == value.length() || value.charAt(i + 1) != '\n') {
                    flushText(xml, text);
                    xml.append("<w:br/>");
                }
            } else {
                escape(text, c);
            }
        }
        flushText(xml, text);
        xml.append("</w:r>");
    }

    private static void flushText(StringBuilder xml, StringBuilder text) {
        if (!text.isEmpty()) {
            xml.append("<w:t xml:space=\"preserve\">").append(text).append("</w:t>");
            text.setLength(0);
        }
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            default -> {
                // XML 1.0 has no way to carry other control characters or U+FFFE/U+FFFF: leave them out
                if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                    out.append(c);
                }
            }
        }
    }

    private void write(StringBuilder xml) {
        try {
            body.write(xml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the document is closed");
        }
    }

    private void part(String name, String content) throws IOException {
        OpcPackage.part(zip, name, content);
    }

    /** Fonts: Latin text in Times New Roman, Chinese in the face each style names. Sizes in half points. */
    private static String fonts(String eastAsia) {
        return "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" + eastAsia
                + "\" w:cs=\"Times New Roman\"/>";
    }

    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="%s">\
            <w:docDefaults><w:rPrDefault><w:rPr>%s<w:sz w:val="32"/><w:szCs w:val="32"/>\
            <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>\
            </w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>\
            <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="480" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>\
            <w:rPr>%s<w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>\
            <w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>%s</w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>\
            <w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>%s</w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>\
            <w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:spacing w:line="360" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>\
            </w:styles>""".formatted(MAIN, fonts("仿宋"), fonts("宋体"), fonts("黑体"), fonts("楷体"));
}
