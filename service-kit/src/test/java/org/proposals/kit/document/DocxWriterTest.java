package org.proposals.kit.document;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocxWriterTest {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @Test
    void theDocumentHasThePartsWordNeedsAndEachIsWellFormedXml() throws Exception {
        Map<String, Document> parts = parts(DocxWriter.toBytes(docx -> docx.title("标题").paragraph("正文")));

        assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml",
                "word/document.xml"), List.copyOf(parts.keySet()));
        List<String> overrides = attributes(parts.get("[Content_Types].xml"), "Override", "PartName");
        assertEquals(List.of("/word/document.xml", "/word/styles.xml"), overrides);
        assertEquals(List.of("word/document.xml"), attributes(parts.get("_rels/.rels"), "Relationship", "Target"));
        assertEquals(List.of("styles.xml"), attributes(parts.get("word/_rels/document.xml.rels"), "Relationship", "Target"));
    }

    @Test
    void stylesSetChineseFontsForBodyAndHeadings() throws Exception {
        Document styles = parts(DocxWriter.toBytes(docx -> { })).get("word/styles.xml");

        Map<String, String> eastAsiaFonts = new LinkedHashMap<>();
        NodeList list = styles.getElementsByTagNameNS(W, "style");
        for (int i = 0; i < list.getLength(); i++) {
            Element style = (Element) list.item(i);
            NodeList fonts = style.getElementsByTagNameNS(W, "rFonts");
            if (fonts.getLength() > 0) {
                eastAsiaFonts.put(style.getAttributeNS(W, "styleId"), ((Element) fonts.item(0)).getAttributeNS(W, "eastAsia"));
            }
        }
        Element defaults = (Element) styles.getElementsByTagNameNS(W, "rPrDefault").item(0);

        assertEquals("仿宋", ((Element) defaults.getElementsByTagNameNS(W, "rFonts").item(0)).getAttributeNS(W, "eastAsia"),
                "the body text");
        assertEquals(Map.of("Title", "宋体", "Heading1", "黑体", "Heading2", "楷体"), eastAsiaFonts);
        assertEquals(List.of("Normal", "BodyText", "Title", "Heading1", "Heading2", "Heading3", "TableText"),
                attributes(styles, "style", "styleId"));
    }

    @Test
    void textRoundTripsWithChineseAndCharactersXmlEscapes() {
        String tricky = "关于\"老旧小区\"改造的提案 <一> & <二>，'引号' 及 ＆ 全角";
        byte[] docx = DocxWriter.toBytes(d -> d
                .title("市工业和信息化局2022年政协提案办理工作总结")
                .heading(1, "一、政协提案办理总体情况")
                .heading(2, "（一）办理完成情况。")
                .heading(3, "1. 三级标题 & <小节>")
                .paragraph(tricky)
                .paragraph("第一行\n第二行\t制表符\r\n第三行")
                .paragraph("控制字符\u0001\u0008被略去，𠀀 扩展区汉字保留"));

        assertEquals(List.of("市工业和信息化局2022年政协提案办理工作总结", "一、政协提案办理总体情况", "（一）办理完成情况。",
                "1. 三级标题 & <小节>", tricky, "第一行\n第二行\t制表符\n第三行", "控制字符被略去，𠀀 扩展区汉字保留"),
                DocxText.of(docx).paragraphs());
    }

    @Test
    void placeholdersAreBracketedAndHighlightedAndPlainTextIsNot() throws Exception {
        byte[] docx = DocxWriter.toBytes(d -> d.paragraph(Run.text("我局高度重视提案办理工作。"), Run.placeholder("开篇段落 & 总体评价"),
                Run.text("主要工作情况如下：")));

        DocxText text = DocxText.of(docx);
        assertEquals(List.of("我局高度重视提案办理工作。【待填写：开篇段落 & 总体评价】主要工作情况如下："), text.paragraphs());
        assertEquals(List.of("【待填写：开篇段落 & 总体评价】"), text.highlighted());

        NodeList runs = parts(docx).get("word/document.xml").getElementsByTagNameNS(W, "r");
        assertEquals(3, runs.getLength());
        Element placeholder = (Element) runs.item(1);
        assertEquals("yellow", ((Element) placeholder.getElementsByTagNameNS(W, "highlight").item(0)).getAttributeNS(W, "val"));
        assertEquals(0, ((Element) runs.item(0)).getElementsByTagNameNS(W, "highlight").getLength());
        assertThrows(IllegalArgumentException.class, () -> Run.placeholder(" "));
    }

    @Test
    void bodyParagraphsAreIndentedAndHeadingsCarryTheirLevel() throws Exception {
        Document document = parts(DocxWriter.toBytes(d -> d.title("标题").heading(1, "一").heading(2, "二").heading(3, "三")
                .paragraph("正文").label("附件"))).get("word/document.xml");

        NodeList paragraphs = document.getElementsByTagNameNS(W, "p");
        List<String> styles = new ArrayList<>();
        for (int i = 0; i < paragraphs.getLength(); i++) {
            NodeList style = ((Element) paragraphs.item(i)).getElementsByTagNameNS(W, "pStyle");
            styles.add(style.getLength() == 0 ? null : ((Element) style.item(0)).getAttributeNS(W, "val"));
        }
        assertEquals(Arrays.asList("Title", "Heading1", "Heading2", "Heading3", "BodyText", null), styles);
        assertThrows(IllegalArgumentException.class, () -> DocxWriter.toBytes(d -> d.heading(4, "四级")));
    }

    @Test
    void tablesKeepTheirHeaderRowsAndCells() throws Exception {
        byte[] docx = DocxWriter.toBytes(d -> d
                .paragraph("附表如下：")
                .table(List.of("序号", "提案编号", "工作措施", "日期"), List.of(
                        List.of(1, "20220024", "《深圳市培育发展智能终端产业集群行动计划（2022-2025年）》", LocalDate.of(2022, 6, 1)),
                        Arrays.asList(2, "20220277", "A & B <C>", null),
                        List.of(3, "20220399", Run.placeholder("措施名称"))), 1, 2, 6, 2)
                .pageBreak()
                .table(List.of("只有表头"), List.of()));

        DocxText text = DocxText.of(docx);
        assertEquals(List.of(
                List.of(List.of("序号", "提案编号", "工作措施", "日期"),
                        List.of("1", "20220024", "《深圳市培育发展智能终端产业集群行动计划（2022-2025年）》", "2022-06-01"),
                        List.of("2", "20220277", "A & B <C>", ""),
                        List.of("3", "20220399", "【待填写：措施名称】", "")),
                List.of(List.of("只有表头"))), text.tables());
        assertEquals(List.of("【待填写：措施名称】"), text.highlighted());

        Document document = parts(docx).get("word/document.xml");
        assertEquals(2, document.getElementsByTagNameNS(W, "tblHeader").getLength(), "each table's header row repeats");
        Element firstRow = (Element) document.getElementsByTagNameNS(W, "tr").item(0);
        assertEquals(4, firstRow.getElementsByTagNameNS(W, "b").getLength(), "the header row is bold");
        List<String> widths = attributes(document, "gridCol", "w");
        assertEquals(List.of("804", "1608", "4824", "1608"), widths.subList(0, 4));
        assertEquals("page", ((Element) document.getElementsByTagNameNS(W, "br").item(0)).getAttributeNS(W, "type"));
        Element body = (Element) document.getElementsByTagNameNS(W, "body").item(0);
        assertEquals("sectPr", body.getLastChild().getLocalName());
        assertEquals("p", body.getLastChild().getPreviousSibling().getLocalName(), "the body does not end with a table");
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DocxWriter.toBytes(d -> d.table(List.of("a", "b"), List.of(List.of(1, 2, 3)))));
        assertThrows(IllegalArgumentException.class, () -> DocxWriter.toBytes(d -> d.table(List.of("a", "b"), List.of(), 1)));
        assertThrows(IllegalArgumentException.class, () -> DocxText.of(new byte[]{'P', 'K'}));
        DocxWriter closed = new DocxWriter(new ByteArrayOutputStream());
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.paragraph("太迟了"));
    }

    /** Every part of the package, parsed with the JDK's DOM parser: a part that is not well-formed fails. */
    private static Map<String, Document> parts(byte[] docx) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Map<String, Document> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), factory.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        return parts;
    }

    private static List<String> attributes(Document document, String element, String attribute) {
        List<String> values = new ArrayList<>();
        NodeList list = document.getElementsByTagNameNS("*", element);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            String value = e.hasAttribute(attribute) ? e.getAttribute(attribute) : e.getAttributeNS(W, attribute);
            values.add(value);
        }
        assertTrue(!values.isEmpty(), "no " + element + " elements");
        return values;
    }
}
