package org.proposals.kit.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.proposals.kit.tabular.TestFiles.bytes;
import static org.proposals.kit.tabular.TestFiles.csv;
import static org.proposals.kit.tabular.TestFiles.read;
import static org.proposals.kit.tabular.TestFiles.refusal;

class CsvReadingTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksWithoutBreakingTheRowNumbers() {
        TabularFile file = csv("""
                提案号,标题,案由
                20220024,"关于""老旧小区""改造的提案","一、现状，问题,
                二、建议"
                20220025,加强垃圾分类,简短
                """);

        assertEquals(TabularFile.Format.CSV, file.format());
        assertEquals(List.of("提案号", "标题", "案由"), file.header());
        assertEquals(2, file.rows().size());
        Row first = file.rows().get(0);
        assertEquals(2, first.number());
        assertEquals("20220024", first.get("提案号"));
        assertEquals("关于\"老旧小区\"改造的提案", first.get("标题"));
        assertEquals("一、现状，问题,\n二、建议", first.get("案由"));
        Row second = file.rows().get(1);
        assertEquals(3, second.number(), "a line break inside a quoted field is not a new row");
        assertEquals(List.of("20220025", "加强垃圾分类", "简短"), second.values());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        TabularFile file = read("import.csv", concat(bom, bytes("标题,提案号\r\n关于交通的提案,20220001\r\n", StandardCharsets.UTF_8)));

        assertEquals(List.of("标题", "提案号"), file.header());
        assertEquals("关于交通的提案", file.rows().get(0).get("标题"));
        assertEquals(1, file.rows().size(), "the last line break ends the last row; it does not start another");
    }

    @Test
    void gb18030FromChineseExcelIsRecognisedWhenTheBytesAreNotUtf8() {
        String text = "提案号,标题,承办单位\n20220024,关于加强社区养老服务的提案,市民政局\n20220025,䶮字与𠀀字,市文化广电旅游局\n";
        TabularFile file = read("提案.csv", bytes(text, Charset.forName("GB18030")));

        assertEquals(List.of("提案号", "标题", "承办单位"), file.header());
        assertEquals("关于加强社区养老服务的提案", file.rows().get(0).get("标题"));
        assertEquals("䶮字与𠀀字", file.rows().get(1).get("标题"), "characters beyond GBK are GB18030 too");
        assertEquals("市文化广电旅游局", file.rows().get(1).get("承办单位"));
    }

    @Test
    void theWholeFileDecidesTheEncodingNotItsAsciiHeader() {
        TabularFile file = read("import.csv", bytes("no,title\n1,关于\n", Charset.forName("GBK")));

        assertEquals("关于", file.rows().get(0).get("title"));
    }

    @Test
    void utf16WithByteOrderMarkAsExcelSavesUnicodeText() {
        TabularFile file = read("import.txt", bytes("\uFEFF提案号\t标题\r\n20220024\t关于交通, 出行的提案\r\n", StandardCharsets.UTF_16LE));

        assertEquals(List.of("提案号", "标题"), file.header());
        assertEquals("关于交通, 出行的提案", file.rows().get(0).get("标题"));
    }

    @Test
    void blankLinesAreSkippedAndTheRowsAfterThemKeepTheirNumbers() {
        TabularFile file = csv("""

                提案号,标题

                20220001,第一件
                ,
                  ,\t
                20220002,第二件
                """);

        assertEquals(2, file.headerRowNumber());
        assertEquals(List.of(4, 7), file.rows().stream().map(Row::number).toList());
        assertEquals("第二件", file.rows().get(1).get("标题"));
    }

    @Test
    void tabSeparatedWhenTheHeaderLineUsesTabs() {
        TabularFile file = csv("提案号\t标题\t备注\n20220024\t关于道路, 交通的提案\t\"含\t制表符\"\n");

        assertEquals(List.of("提案号", "标题", "备注"), file.header());
        assertEquals("关于道路, 交通的提案", file.rows().get(0).get("标题"));
        assertEquals("含\t制表符", file.rows().get(0).get("备注"));
    }

    @Test
    void semicolonSeparatedWhenTheHeaderLineUsesSemicolons() {
        TabularFile file = csv("no;title;amount\n1;Roads, bridges;\"1,5\"\n");

        assertEquals(List.of("1", "Roads, bridges", "1,5"), file.rows().get(0).values());
    }

    @Test
    void commasWinWhenTheHeaderLineHasAsManyOfThem() {
        TabularFile file = csv("a,b;c\n1,2;3\n");

        assertEquals(List.of("a", "b;c"), file.header());
    }

    @Test
    void missingTrailingCellsAreEmptyAndExtraCellsAreKeptByIndex() {
        TabularFile file = csv("""
                提案号,标题,备注
                20220001
                20220002,标题,备注,多出的一列
                """);

        Row short_ = file.rows().get(0);
        assertEquals("", short_.get("标题"));
        assertEquals("", short_.get("备注"));
        assertEquals(List.of("20220001", "", ""), short_.values());
        assertEquals("", short_.get(10));
        Row long_ = file.rows().get(1);
        assertEquals("多出的一列", long_.get(3));
        assertEquals("row 3, column D", long_.where(3));
    }

    @Test
    void columnNamesAreStrippedButValuesAreAsWritten() {
        TabularFile file = csv(" 提案号 ,\u3000标题\u00A0\n 20220001 , 标题 \n");

        assertEquals(List.of("提案号", "标题"), file.header());
        assertEquals(" 20220001 ", file.rows().get(0).get("提案号"));
    }

    @Test
    void anUnclosedQuoteNamesTheRowItStartsIn() {
        String reason = refusal("import.csv", bytes("""
                提案号,标题
                20220001,第一件
                20220002,"第二件
                20220003,第三件
                """, StandardCharsets.UTF_8));

        assertEquals("row 3: a quoted field is not closed (its closing \" is missing)", reason);
    }

    @Test
    void textAfterAClosingQuoteNamesItsRow() {
        String reason = refusal("import.csv", bytes("提案号,标题\n20220001,\"关于\"交通\"的提案\"\n", StandardCharsets.UTF_8));

        assertEquals("row 2: a quoted field has text after its closing \" (a \" inside a quoted field must be doubled)", reason);
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsJustAQuote() {
        TabularFile file = csv("提案号,标题\n20220001,关于\"交通\"的提案\n");

        assertEquals("关于\"交通\"的提案", file.rows().get(0).get("标题"));
    }

    @Test
    void twoColumnsWithTheSameNameAreRefused() {
        String reason = refusal("import.csv", bytes("提案号,标题,备注,标题\n1,2,3,4\n", StandardCharsets.UTF_8));

        assertEquals("columns B and D of the header have the same name (标题)", reason);
    }

    @Test
    void invalidUtf8AfterAByteOrderMarkIsRefusedRatherThanGuessed() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String reason = refusal("import.csv", concat(bom, bytes("标题\n关于\n", Charset.forName("GBK"))));

        assertEquals("the file starts as UTF-8 text but is not valid UTF-8", reason);
    }

    @Test
    void anUnknownColumnNameIsAMistakeOfTheCaller() {
        Row row = csv("提案号\n1\n").rows().get(0);

        assertThrows(IllegalArgumentException.class, () -> row.get("标题"));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
