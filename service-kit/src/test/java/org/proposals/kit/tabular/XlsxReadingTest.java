package org.proposals.kit.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.kit.tabular.TestFiles.read;
import static org.proposals.kit.tabular.TestFiles.refusal;

/**
 * Workbooks built part by part, the way Excel and other programs write them, so that each feature of the
 * format the reader has to understand is in one place.
 */
class XlsxReadingTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    @Test
    void readsTheFirstWorksheetAsExcelShowsIt() {
        TabularFile file = read("提案.xlsx", TestFiles.zip(workbook()));

        assertEquals(TabularFile.Format.XLSX, file.format());
        assertEquals(List.of("提案号", "标题", "提交日期", "备注"), file.header());
        List<Row> rows = file.rows();
        assertEquals(List.of(2, 4, 5, 6, 7, 9), rows.stream().map(Row::number).toList(),
                "rows keep their numbers across the gap (3) and the styled empty row (8)");

        Row proposal = rows.get(0);
        assertEquals("20220024", proposal.get("提案号"), "a whole number has no decimal point");
        assertEquals("关于老旧小区 改造", proposal.get("标题"), "rich-text runs are joined");
        assertEquals("2022-03-15", proposal.get("提交日期"), "numFmtId 14 is a date");
        assertEquals("  前后有空格  ", proposal.get("备注"), "preserved spaces are kept");

        Row sparse = rows.get(1);
        assertEquals(List.of("20220025", "", "", "只有A和D"), sparse.values(), "cells left out are empty");

        Row withoutReferences = rows.get(2);
        assertEquals(List.of("3", "TRUE", "", ""), withoutReferences.values());

        Row formulas = rows.get(3);
        assertEquals("20220024", formulas.get(0), "a formula's text result");
        assertEquals("#N/A", formulas.get(1), "an error is its text");
        assertEquals("2022-03-15T12:00", formulas.get(2), "numFmtId 22 has a time");
        assertEquals("2022-03-15", formulas.get(3), "a custom format yyyy\"年\"m\"月\"d\"日\" is a date");

        Row numbers = rows.get(4);
        assertEquals("0.3", numbers.get(0), "to Excel's 15 digits, as Excel shows it");
        assertEquals("0.0015", numbers.get(1), "no exponent");
        assertEquals("1234.5", numbers.get(2), "a number format that is no date leaves the number as it is");
        assertEquals("123456789012340000000", numbers.get(3), "no exponent for large numbers either");

        Row escaped = rows.get(5);
        assertEquals("第一行\r\n第二行", escaped.get(1), "Excel's _x000D_ is a carriage return; the phonetic guide is left out");
    }

    @Test
    void datesOfThe1904DateSystem() {
        Map<String, String> parts = workbook();
        parts.put("xl/workbook.xml", parts.get("xl/workbook.xml").replace("<workbookPr/>", "<workbookPr date1904=\"1\"/>"));
        parts.put("xl/worksheets/sheet2.xml", sheet("""
                <x:row r="1"><x:c r="A1" t="s"><x:v>2</x:v></x:c></x:row>
                <x:row r="2"><x:c r="A2" s="1"><x:v>43173</x:v></x:c></x:row>"""));

        assertEquals("2022-03-15", read("a.xlsx", TestFiles.zip(parts)).rows().get(0).get("提交日期"));
    }

    @Test
    void theReaderFollowsRelationshipsWhateverThePartsAreCalledAndInWhateverOrderTheyCome() {
        Map<String, String> parts = workbook();
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("xl/worksheets/sheet2.xml", parts.remove("xl/worksheets/sheet2.xml"));
        reordered.put("xl/sharedStrings.xml", parts.remove("xl/sharedStrings.xml"));
        reordered.putAll(parts);

        assertEquals("20220024", read("a.xlsx", TestFiles.zip(reordered)).rows().get(0).get("提案号"));
    }

    @Test
    void aWorkbookWithoutSheetsIsRefused() {
        Map<String, String> parts = workbook();
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\"><sheets/></workbook>");

        assertEquals("the XLSX has no worksheet", refusal("a.xlsx", TestFiles.zip(parts)));
    }

    @Test
    void aCellReferringToAMissingSharedStringIsDamage() {
        Map<String, String> parts = workbook();
        parts.put("xl/worksheets/sheet2.xml", sheet("<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>99</x:v></x:c></x:row>"));

        assertEquals("the XLSX is damaged: row 1 refers to a shared string (99) that it does not have",
                refusal("a.xlsx", TestFiles.zip(parts)));
    }

    @Test
    void anEscapedNulCharacterIsRefusedAsNoDatabaseCanStoreIt() {
        Map<String, String> parts = workbook();
        parts.put("xl/worksheets/sheet2.xml", sheet("""
                <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>标题</x:t></x:is></x:c></x:row>
                <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>a_x0000_b</x:t></x:is></x:c></x:row>"""));

        assertEquals("row 2, column A (标题) holds the NUL character", refusal("a.xlsx", TestFiles.zip(parts)));
    }

    @Test
    void entitiesAreNotExpanded() {
        Map<String, String> parts = workbook();
        parts.put("xl/sharedStrings.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <sst xmlns="%s"><si><t>&secret;</t></si></sst>""".formatted(MAIN));

        String reason = refusal("a.xlsx", TestFiles.zip(parts));

        assertEquals("the XLSX is damaged: xl/sharedstrings.xml is not well-formed XML", reason);
        assertFalse(reason.contains("root:"));
    }

    @Test
    void brokenXmlIsDamage() {
        Map<String, String> parts = workbook();
        parts.put("xl/worksheets/sheet2.xml", sheet("<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:c></x:row>"));

        assertEquals("the XLSX is damaged: xl/worksheets/sheet2.xml is not well-formed XML", refusal("a.xlsx", TestFiles.zip(parts)));
    }

    @Test
    void aTruncatedFileIsDamage() {
        byte[] whole = TestFiles.zip(workbook());
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertTrue(refusal("a.xlsx", half).startsWith("the XLSX is damaged"));
    }

    @Test
    void anArchiveThatUnzipsBeyondTheLimitIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            for (Map.Entry<String, String> part : workbook().entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 4; i++) {
                zip.write(zeros);
            }
        }
        assertTrue(bomb.size() < 20_000, "4 MB of zeros zip to a few kilobytes");
        TabularFile.Limits limits = TabularFile.Limits.DEFAULT;
        limits = new TabularFile.Limits(limits.maxRows(), limits.maxColumns(), limits.maxCellLength(), limits.maxFileBytes(),
                1 << 20, limits.maxZipEntries());

        assertEquals("the XLSX unzips to more than 1 MB", TestFiles.refusal(bomb.toByteArray(), limits));
    }

    @Test
    void anArchiveOfTooManyPartsIsRefused() {
        Map<String, String> parts = workbook();
        for (int i = 0; i < 20; i++) {
            parts.put("customXml/item" + i + ".xml", "<a/>");
        }
        TabularFile.Limits limits = TabularFile.Limits.DEFAULT;
        limits = new TabularFile.Limits(limits.maxRows(), limits.maxColumns(), limits.maxCellLength(), limits.maxFileBytes(),
                limits.maxUnzippedBytes(), 20);

        assertEquals("the XLSX holds more than 20 parts", TestFiles.refusal(TestFiles.zip(parts), limits));
    }

    @Test
    void aBlankCellFarOutIsNoReasonToRefuseButAValueIs() {
        Map<String, String> parts = workbook();
        parts.put("xl/worksheets/sheet2.xml", sheet("""
                <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="XFD1" s="1"/></x:row>
                <x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="XFC2" t="inlineStr"><x:is><x:t> </x:t></x:is></x:c></x:row>"""));
        assertEquals(List.of("1"), read("a.xlsx", TestFiles.zip(parts)).rows().get(0).values());

        parts.put("xl/worksheets/sheet2.xml", sheet("""
                <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>
                <x:row r="2"><x:c r="XFD2"><x:v>1</x:v></x:c></x:row>"""));
        assertEquals("row 2 has a value in column XFD; a file may have at most 256 columns", refusal("a.xlsx", TestFiles.zip(parts)));
    }

    /**
     * A workbook as Excel writes it, with a second sheet before the first in the archive, so that only the
     * workbook's order and relationships can tell which sheet is the first.
     */
    private static Map<String, String> workbook() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""".formatted(R));
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="%s" xmlns:r="%s"><workbookPr/>
                <sheets><sheet name="提案" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets>
                </workbook>""".formatted(MAIN, R));
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="%1$s/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="%1$s/worksheet" Target="/xl/worksheets/sheet2.xml"/>
                <Relationship Id="rId3" Type="%1$s/styles" Target="styles.xml"/>
                <Relationship Id="rId4" Type="%1$s/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>""".formatted(R));
        parts.put("xl/worksheets/sheet1.xml", """
                <worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>"""
                .formatted(MAIN));
        parts.put("xl/worksheets/sheet2.xml", sheet("""
                <x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>\
                <x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c></x:row>
                <x:row r="2"><x:c r="A2"><x:v>20220024</x:v></x:c><x:c r="B2" t="s"><x:v>4</x:v></x:c>\
                <x:c r="C2" s="1"><x:v>44635</x:v></x:c><x:c r="D2" t="s"><x:v>5</x:v></x:c></x:row>
                <x:row r="4"><x:c r="A4" t="n"><x:v>2.0220025E7</x:v></x:c>\
                <x:c r="D4" t="inlineStr"><x:is><x:t>只有A和D</x:t></x:is></x:c></x:row>
                <x:row r="5"><x:c><x:v>3</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
                <x:row r="6"><x:c r="A6" t="str"><x:f>A2&amp;""</x:f><x:v>20220024</x:v></x:c>\
                <x:c r="B6" t="e"><x:f>VLOOKUP(A6,Z:Z,1,FALSE)</x:f><x:v>#N/A</x:v></x:c>\
                <x:c r="C6" s="3"><x:v>44635.5</x:v></x:c><x:c r="D6" s="2"><x:v>44635</x:v></x:c></x:row>
                <x:row r="7"><x:c r="A7"><x:v>0.30000000000000004</x:v></x:c><x:c r="B7"><x:v>1.5E-3</x:v></x:c>\
                <x:c r="C7" s="4"><x:v>1234.5</x:v></x:c><x:c r="D7"><x:v>1.2345678901234E+20</x:v></x:c></x:row>
                <x:row r="8"><x:c r="A8" s="1"/><x:c r="B8" t="s"/></x:row>
                <x:row r="9"><x:c r="B9" t="s"><x:v>6</x:v></x:c></x:row>"""));
        parts.put("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="%s">
                <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
                <cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="0"/></cellStyleXfs>
                <cellXfs count="5"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="176" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="4" xfId="0" applyNumberFormat="1"/></cellXfs>
                </styleSheet>""".formatted(MAIN));
        parts.put("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="%s" count="7" uniqueCount="7">
                <si><t>提案号</t></si><si><t>标题</t></si><si><t>提交日期</t></si><si><t xml:space="preserve"> 备注 </t></si>
                <si><r><t>关于</t></r><r><rPr><b/></rPr><t xml:space="preserve">老旧小区 </t></r><r><t>改造</t></r></si>
                <si><t xml:space="preserve">  前后有空格  </t></si>
                <si><t>第一行_x000D_
                第二行</t><rPh sb="0" eb="1"><t>ダイイチ</t></rPh></si>
                </sst>""".formatted(MAIN));
        return parts;
    }

    /** A worksheet whose elements have a prefix, as some programs write them. */
    private static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<x:worksheet xmlns:x=\"" + MAIN
                + "\"><x:dimension ref=\"A1:D9\"/><x:sheetData>" + rows + "</x:sheetData>"
                + "<x:mergeCells count=\"1\"><x:mergeCell ref=\"A20:B20\"/></x:mergeCells></x:worksheet>";
    }
}
