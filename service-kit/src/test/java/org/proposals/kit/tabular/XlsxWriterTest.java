package org.proposals.kit.tabular;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.proposals.kit.tabular.TestFiles.read;

class XlsxWriterTest {

    @Test
    void whatIsWrittenIsReadBack() {
        byte[] xlsx = XlsxWriter.toBytes(List.of(
                List.of("提案号", "标题", "提交日期", "备注", "得分"),
                Arrays.asList(20220024, "关于\"老旧小区\"改造的提案 <一> & <二>", LocalDate.of(2022, 3, 15), null, new BigDecimal("92.50")),
                Arrays.asList("20220025", null, null, "第一行\r\n第二行\t_x000D_", 3.25),
                Arrays.asList(20220026L, "  前后有空格  ", LocalDateTime.of(2022, 3, 15, 9, 30), "", 1234567890123L)));

        TabularFile file = read("提案.xlsx", xlsx);

        assertEquals(TabularFile.Format.XLSX, file.format());
        assertEquals(List.of("提案号", "标题", "提交日期", "备注", "得分"), file.header());
        assertEquals(List.of("20220024", "关于\"老旧小区\"改造的提案 <一> & <二>", "2022-03-15", "", "92.5"), file.rows().get(0).values());
        assertEquals(List.of("20220025", "", "", "第一行\r\n第二行\t_x000D_", "3.25"), file.rows().get(1).values(),
                "empty cells in the middle stay empty; line breaks and text that looks like an escape are kept");
        assertEquals(List.of("20220026", "  前后有空格  ", "2022-03-15T09:30", "", "1234567890123"), file.rows().get(2).values());
    }

    @Test
    void aThousandRowsKeepTheirOrderAndNumbers() {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("提案号", "标题", "承办单位"));
        for (int i = 1; i <= 1_000; i++) {
            rows.add(List.of(20220000 + i, "第" + i + "号提案：关于民生实事的建议", "市" + (i % 7) + "局"));
        }

        List<Row> read = read("a.xlsx", XlsxWriter.toBytes(rows)).rows();

        assertEquals(1_000, read.size());
        for (int i = 1; i <= 1_000; i++) {
            Row row = read.get(i - 1);
            assertEquals(i + 1, row.number());
            assertEquals(String.valueOf(20220000 + i), row.get("提案号"));
            assertEquals("第" + i + "号提案：关于民生实事的建议", row.get("标题"));
            assertEquals("市" + (i % 7) + "局", row.get("承办单位"));
        }
    }

    @Test
    void everyPartIsWellFormedXmlAndTheSheetIsNamed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter xlsx = new XlsxWriter(out, "提案 & 答复")) {
            xlsx.row("提案号").row(1);
        }

        List<String> names = new ArrayList<>();
        Document workbook = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(zip.readAllBytes()));
                if (entry.getName().equals("xl/workbook.xml")) {
                    workbook = document;
                }
            }
        }
        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml"), names);
        assertEquals("提案 & 答复", workbook.getElementsByTagName("sheet").item(0).getAttributes().getNamedItem("name").getNodeValue());
    }

    @Test
    void sheetNamesExcelRefusesAreRefused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(IllegalArgumentException.class, () -> new XlsxWriter(out, "提案/答复"));
        assertThrows(IllegalArgumentException.class, () -> new XlsxWriter(out, "x".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> new XlsxWriter(out, " "));
    }
}
