package org.proposals.kit.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.kit.tabular.TestFiles.bytes;
import static org.proposals.kit.tabular.TestFiles.csv;
import static org.proposals.kit.tabular.TestFiles.read;
import static org.proposals.kit.tabular.TestFiles.refusal;

/** What every file gets, whatever its format: the header, row numbers, limits, and refusals that say why. */
class TabularFileTest {

    private static final TabularFile.Limits SMALL = new TabularFile.Limits(10, 5, 20, 10_000, 50_000, 10);

    @Test
    void columnLettersAreThoseTheSpreadsheetShows() {
        assertEquals("A", TabularFile.columnLetter(0));
        assertEquals("Z", TabularFile.columnLetter(25));
        assertEquals("AA", TabularFile.columnLetter(26));
        assertEquals("AZ", TabularFile.columnLetter(51));
        assertEquals("ZZ", TabularFile.columnLetter(701));
        assertEquals("AAA", TabularFile.columnLetter(702));
        assertEquals("XFD", TabularFile.columnLetter(16_383));
    }

    @Test
    void aRowSaysWhereItsCellsAre() {
        TabularFile file = csv("提案号,提案人,标题\n20220001,张三,关于交通的提案\n");
        Row row = file.rows().get(0);

        assertEquals("row 2, column C (标题)", row.where("标题"));
        assertEquals("C", file.columnLetter("标题"));
        assertEquals(2, file.columnIndex("标题"));
        assertEquals(-1, file.columnIndex("承办单位"));
        assertTrue(file.hasColumn("提案人"));
        assertFalse(file.hasColumn("承办单位"));
        assertEquals(List.of("承办单位", "答复"), file.missingColumns(List.of("提案号", "承办单位", "标题", "答复")));
    }

    @Test
    void aFileOfOnlyAHeaderHasNoRows() {
        TabularFile file = csv("提案号,标题\n");

        assertEquals(List.of("提案号", "标题"), file.header());
        assertTrue(file.rows().isEmpty());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals("the file is empty", refusal("import.csv", new byte[0]));
        assertEquals("the file is empty: it has no header row", refusal("import.csv", bytes("\n , \n\n", StandardCharsets.UTF_8)));
    }

    @Test
    void anImageIsNotASpreadsheet() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0};

        assertEquals("not a CSV or XLSX file", refusal("提案.csv", png));
    }

    @Test
    void randomBytesAreNotASpreadsheet() {
        byte[] noise = new byte[4096];
        new Random(20220024).nextBytes(noise);

        assertTrue(refusal("import.csv", noise).startsWith("not a CSV or XLSX file"));
    }

    @Test
    void aZipArchiveWithoutAWorkbookIsNotASpreadsheet() {
        byte[] zip = TestFiles.zip(Map.of("readme.txt", "hello"));

        assertEquals("not a CSV or XLSX file: a zip archive without a workbook", refusal("import.xlsx", zip));
    }

    @Test
    void aWordDocumentIsNotASpreadsheet() {
        Map<String, String> docx = new LinkedHashMap<>();
        docx.put("_rels/.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""");
        docx.put("word/document.xml", """
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>""");

        assertEquals("not a CSV or XLSX file: a zip archive without a workbook", refusal("提案.docx", TestFiles.zip(docx)));
    }

    @Test
    void anOldExcelWorkbookIsRefusedWithWhatToDoInstead() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};

        assertTrue(refusal("提案.xls", xls).contains("save it as .xlsx"));
    }

    @Test
    void aWebPageSavedUnderAnXlsNameIsRefusedWithWhatToDoInstead() {
        byte[] html = bytes("<html><body><table><tr><td>提案号</td></tr></table></body></html>", StandardCharsets.UTF_8);

        assertTrue(refusal("提案.xls", html).contains("save it as .xlsx"));
    }

    @Test
    void textNamedAsAnXlsxIsNotReadAsCsv() {
        byte[] text = bytes("提案号,标题\n1,2\n", StandardCharsets.UTF_8);

        assertEquals("not an XLSX file, although it is named or sent as one", refusal("提案.XLSX", text));
        UnreadableFileException typed = assertThrows(UnreadableFileException.class, () -> TabularFile.read("upload", TabularFile.XLSX_CONTENT_TYPE,
                new ByteArrayInputStream(text)));
        assertEquals("not an XLSX file, although it is named or sent as one", typed.getMessage());
    }

    @Test
    void theFormatIsFoundFromTheBytesNotTheName() {
        byte[] xlsx = XlsxWriter.toBytes(List.of(List.of("提案号"), List.of("20220001")));

        assertEquals(TabularFile.Format.XLSX, read("提案.csv", xlsx).format());
        assertEquals(TabularFile.Format.CSV, read("提案.xls", bytes("提案号\n1\n", StandardCharsets.UTF_8)).format());
    }

    @Test
    void moreRowsThanTheLimitAreRefusedWhole() {
        StringBuilder ten = new StringBuilder("提案号\n\n");
        for (int i = 1; i <= 10; i++) {
            ten.append(i).append('\n');
        }
        assertEquals(10, TestFiles.read(bytes(ten.toString(), StandardCharsets.UTF_8), SMALL).rows().size(),
                "the header and blank rows do not count");

        String eleven = ten + "11\n";
        assertEquals("the file has more than 10 rows; split it into files of at most 10 rows each",
                TestFiles.refusal(bytes(eleven, StandardCharsets.UTF_8), SMALL));
    }

    @Test
    void theDefaultLimitIsTwentyThousandRows() {
        StringBuilder rows = new StringBuilder("提案号\n");
        for (int i = 1; i <= 20_001; i++) {
            rows.append(i).append('\n');
        }

        assertEquals("the file has more than 20000 rows; split it into files of at most 20000 rows each",
                refusal("import.csv", bytes(rows.toString(), StandardCharsets.UTF_8)));
    }

    @Test
    void aCellLongerThanTheLimitIsRefusedWithItsPlace() {
        byte[] file = bytes("提案号,标题\n1,关于加强城市老旧小区改造和社区养老服务的提案\n", StandardCharsets.UTF_8);

        assertEquals("row 2, column B (标题) has more than 20 characters", TestFiles.refusal(file, SMALL));
    }

    @Test
    void aValueBeyondTheColumnLimitIsRefused() {
        byte[] file = bytes("a,b,c\n1,2,3,4,5,6\n", StandardCharsets.UTF_8);

        assertEquals("row 2 has a value in column F; a file may have at most 5 columns", TestFiles.refusal(file, SMALL));
    }

    @Test
    void aFileLargerThanTheLimitIsRefused() {
        byte[] file = bytes("提案号\n" + "1\n".repeat(6_000), StandardCharsets.UTF_8);

        assertEquals("the file is larger than 10000 bytes", TestFiles.refusal(file, SMALL));
    }
}
