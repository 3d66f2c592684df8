package org.proposals.evaluation.summary;

import org.junit.jupiter.api.Test;
import org.proposals.evaluation.summary.AnnualSummary.Adoption;
import org.proposals.evaluation.summary.AnnualSummary.ConvertedProposal;
import org.proposals.evaluation.summary.AnnualSummary.Evaluation;
import org.proposals.evaluation.summary.AnnualSummary.Handled;
import org.proposals.evaluation.summary.AnnualSummary.Measure;
import org.proposals.evaluation.summary.AnnualSummary.OnTime;
import org.proposals.evaluation.summary.AnnualSummary.Satisfaction;
import org.proposals.evaluation.summary.AnnualSummary.Timeliness;
import org.proposals.evaluation.summary.AnnualSummary.TypicalCase;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;
import org.proposals.kit.document.DocxText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary states the figures it is given, in the seed summary's words, in Markdown and in Word alike. */
class AnnualSummaryRenderingTest {

    private static final String CLUSTER_PROPOSAL = "关于确保经济稳增长，创新产业集群服务模式的提案";
    private static final List<String> CLUSTERS = List.of("网络与通信", "智能终端", "智能机器人", "半导体与集成电路", "超高清视频显示",
            "智能传感器", "软件与信息服务", "数字创意", "现代时尚", "工业母机", "激光与增材制造");

    /** The seed's year: 111 proposals of the 7th CPPCC's 2nd session, 44 replies all satisfied, full marks. */
    static AnnualSummary seedYear() {
        List<Measure> actionPlans = new ArrayList<>();
        for (String cluster : CLUSTERS) {
            actionPlans.add(new Measure("ACTION_PLAN", "深圳市培育发展" + cluster + "产业集群行动计划（2022-2025年）", null,
                    LocalDate.of(2022, 6, 1)));
        }
        return new AnnualSummary("miit", "市工业和信息化局", 2022, "市政协七届二次会议", ProposalKind.PROPOSAL,
                new Handled(2, 31, 11, 67, 111),
                List.of("新一代信息技术", "新型信息基础设施", "数字经济", "优势传统产业", "中小企业发展"),
                new Adoption(111, 111),
                List.of(new ConvertedProposal("20220024", CLUSTER_PROPOSAL, actionPlans),
                        new ConvertedProposal("20220277", "关于加快深圳时尚创意产业中小微企业数字化转型的建议", List.of(
                                new Measure("POLICY_DOCUMENT", "深圳市中小微企业上云资助项目实施细则", "深工信〔2022〕101号", LocalDate.of(2022, 9, 20)))),
                        new ConvertedProposal("20220415", "关于促进我市科技型中小企业创新发展的建议", List.of(
                                new Measure("EVENT", "专精特新“小巨人”企业融通创新路演暨创新产品展示对接会", null, null)))),
                List.of(new TypicalCase("20220024", CLUSTER_PROPOSAL, HandlingType.LEAD, 11,
                                List.of(actionPlans.get(0).title(), actionPlans.get(1).title(), actionPlans.get(2).title())),
                        new TypicalCase("20220277", "关于加快深圳时尚创意产业中小微企业数字化转型的建议", HandlingType.LEAD, 1,
                                List.of("深圳市中小微企业上云资助项目实施细则"))),
                new Timeliness(new OnTime(111, 111), new OnTime(67, 67), new OnTime(44, 44), new OnTime(44, 44)),
                new Satisfaction(44, 0, 0),
                1,
                new Evaluation(new BigDecimal("100"), new BigDecimal("100")));
    }

    /** A smaller unit's year that went less well: 5 proposals, 2 still open, 1 unsatisfied, not yet evaluated. */
    static AnnualSummary harderYear() {
        return new AnnualSummary("ndrc", "市发展和改革委员会", 2023, null, ProposalKind.PROPOSAL,
                new Handled(1, 3, 1, 0, 3),
                List.of(),
                new Adoption(4, 5),
                List.of(),
                List.of(),
                new Timeliness(new OnTime(5, 5), new OnTime(0, 0), new OnTime(4, 5), new OnTime(3, 5)),
                new Satisfaction(3, 1, 1),
                0,
                null);
    }

    @Test
    void theSeedYearStatesEveryFigureOfTheSeed() {
        List<String> sentences = List.of(
                "市工业和信息化局2022年政协提案办理工作总结",
                "2022年，我局负责办理市政协七届二次会议提案111件，其中承办件2件、主办件31件、分办件11件、会办件67件，目前已全部办理完成。"
                        + "提案委员对我局办理工作和答复意见均表示满意。",
                "我局负责办理的市政协七届二次会议提案主要涉及新一代信息技术、新型信息基础设施、数字经济、优势传统产业、中小企业发展等主题，",
                "据统计，今年的政协提案已全部采纳。",
                "2022年，我局共推动3件提案转化为13项实际工作措施，具体转化情况详见附件。",
                "我局主办的“关于确保经济稳增长，创新产业集群服务模式的提案”（第20220024号），",
                "该提案转化为11项工作措施，主要包括：深圳市培育发展网络与通信产业集群行动计划（2022-2025年）；"
                        + "深圳市培育发展智能终端产业集群行动计划（2022-2025年）；深圳市培育发展智能机器人产业集群行动计划（2022-2025年）等。",
                "该提案转化为1项工作措施，包括：深圳市中小微企业上云资助项目实施细则。",
                "我局高度重视提案办理工作，办理的所有提案均按时按质完成，在规定时间内签收、提交会办意见、与委员积极沟通、正式答复。",
                "除1件闭会期间重新交办的案件正在办理外，我局领办需答复委员的44件提案中，委员沟通反馈的满意率为100%，提案办理绩效评价为满分（100分）。");
        String markdown = SummaryMarkdown.render(seedYear());
        String docx = DocxText.of(SummaryDocx.render(seedYear())).text();

        for (String sentence : sentences) {
            assertTrue(docx.contains(sentence), "the document states: " + sentence);
            assertTrue(markdown.contains(sentence), "the Markdown states: " + sentence);
        }
    }

    @Test
    void theSectionsFollowTheSeedInOrder() {
        List<String> paragraphs = DocxText.of(SummaryDocx.render(seedYear())).paragraphs();

        List<String> headings = List.of("市工业和信息化局2022年政协提案办理工作总结", "一、政协提案办理总体情况", "（一）办理完成情况。",
                "（二）提案采纳情况。", "（三）政协提案转化为实际工作措施情况。", "二、主要工作举措", "（一）提高政治站位，高度重视提案办理工作。",
                "（二）围绕中心大局，严格落实提案规范办理要求。", "（三）突出重点关键，推动实现办理高质量。", "（四）注重办理协商，切实落实沟通联系硬要求。",
                "三、典型案例及主要成效", "（一）" + CLUSTER_PROPOSAL, "（二）关于加快深圳时尚创意产业中小微企业数字化转型的建议",
                "四、提案办理绩效评价", "附件", "市工业和信息化局2022年政协提案转化为实际工作措施情况表");
        int previous = -1;
        for (String heading : headings) {
            int at = paragraphs.indexOf(heading);
            assertTrue(at > previous, heading + " comes next, as a paragraph of its own");
            previous = at;
        }
    }

    @Test
    void theAppendixListsEveryMeasureOfTheRegister() {
        List<List<List<String>>> tables = DocxText.of(SummaryDocx.render(seedYear())).tables();

        assertEquals(1, tables.size());
        List<List<String>> register = tables.get(0);
        assertEquals(List.of("序号", "提案编号", "提案标题", "措施类型", "工作措施", "文号", "日期"), register.get(0));
        assertEquals(1 + 13, register.size());
        assertEquals(List.of("1", "20220024", CLUSTER_PROPOSAL, "行动计划", "深圳市培育发展网络与通信产业集群行动计划（2022-2025年）", "",
                "2022年6月1日"), register.get(1));
        assertEquals(List.of("12", "20220277", "关于加快深圳时尚创意产业中小微企业数字化转型的建议", "政策文件", "深圳市中小微企业上云资助项目实施细则",
                "深工信〔2022〕101号", "2022年9月20日"), register.get(12));
        assertEquals(List.of("13", "20220415", "关于促进我市科技型中小企业创新发展的建议", "活动", "专精特新“小巨人”企业融通创新路演暨创新产品展示对接会",
                "", ""), register.get(13));
        assertTrue(SummaryMarkdown.render(seedYear()).contains(
                "| 13 | 20220415 | 关于促进我市科技型中小企业创新发展的建议 | 活动 | 专精特新“小巨人”企业融通创新路演暨创新产品展示对接会 |  |  |"));
    }

    @Test
    void theWordingFollowsTheFiguresWhenNotAllIsDone() {
        String markdown = SummaryMarkdown.render(harderYear());
        DocxText docx = DocxText.of(SummaryDocx.render(harderYear()));

        for (String text : List.of(withoutMarks(markdown), docx.text())) {
            assertTrue(text.contains("2023年，我委负责办理政协提案5件，其中承办件1件、主办件3件、分办件1件，目前已办理完成3件，正在办理2件。"), text);
            assertTrue(text.contains("据统计，我委负责办理的5件提案中，已采纳4件，采纳率为80%。"), text);
            assertTrue(text.contains("2023年，我委尚未登记由提案转化的实际工作措施。"), text);
            assertTrue(text.contains("我委应签收提案5件，按时签收5件；应与委员沟通联系5件，按时沟通4件；应正式答复5件，按时答复3件。"), text);
            assertTrue(text.contains("我委领办需答复委员的5件提案中，委员沟通反馈的满意率为80%（满意3件、基本满意1件、不满意1件），"
                    + "【待填写：提案办理绩效评价结果】。"), text);
            for (String claim : List.of("全部办理完成", "会办件", "均表示满意", "全部采纳", "均按时按质完成", "提交会办意见", "闭会期间", "满分",
                    "详见附件", "附件")) {
                assertFalse(text.contains(claim), "not claimed: " + claim);
            }
        }
        assertTrue(docx.highlighted().contains("【待填写：提案办理绩效评价结果】"), "the missing score is a highlighted placeholder");
        assertTrue(docx.highlighted().contains("【待填写：提案涉及的主要主题】"));
        assertTrue(docx.highlighted().contains("【待填写：典型案例：提案编号、标题、办理过程和主要成效】"));
        assertEquals(List.of(), docx.tables(), "no register, no appendix");
    }

    @Test
    void everyPlaceholderIsHighlightedAndMarked() {
        for (AnnualSummary summary : List.of(seedYear(), harderYear())) {
            DocxText docx = DocxText.of(SummaryDocx.render(summary));
            String markdown = SummaryMarkdown.render(summary);

            List<String> inText = placeholders(docx.text());
            assertTrue(inText.size() >= 8, "the opening, each section's narrative and the four work methods at least");
            assertEquals(inText, docx.highlighted(), "each placeholder in the document is highlighted, and nothing else is");
            assertEquals(inText.size(), count(markdown, "<mark>【待填写："), "each placeholder in the Markdown is marked");
            assertEquals(inText.size(), count(markdown, "】</mark>"));
        }
        assertTrue(DocxText.of(SummaryDocx.render(seedYear())).paragraphs().get(1).startsWith("【待填写：开篇段落"),
                "the opening paragraph is the office's to write");
    }

    @Test
    void suggestionsAreSummedUpInTheDeputiesWords() {
        AnnualSummary suggestions = new AnnualSummary("miit", "市工业和信息化局", 2022, "市七届人大二次会议", ProposalKind.SUGGESTION,
                new Handled(0, 40, 2, 1, 43), List.of("中小企业发展"), new Adoption(43, 43), List.of(),
                List.of(new TypicalCase("20221001", "关于*加快*发展 A|B 产业的建议", HandlingType.SPLIT, 0, List.of())),
                new Timeliness(new OnTime(43, 43), new OnTime(1, 1), new OnTime(42, 42), new OnTime(42, 42)),
                new Satisfaction(40, 1, 1), 0, new Evaluation(new BigDecimal("92.50"), new BigDecimal("100")));

        String markdown = SummaryMarkdown.render(suggestions);
        String docx = DocxText.of(SummaryDocx.render(suggestions)).text();

        for (String text : List.of(markdown, docx)) {
            assertTrue(text.contains("市工业和信息化局2022年人大代表建议办理工作总结"), text);
            assertTrue(text.contains("一、人大代表建议办理总体情况"));
            assertTrue(text.contains("2022年，我局负责办理市七届人大二次会议代表建议43件，其中主办件40件、分办件2件、会办件1件，目前已全部办理完成。"));
            assertTrue(text.contains("据统计，今年的人大代表建议已全部采纳。"));
            assertTrue(text.contains("办理的所有建议均按时按质完成"));
            assertTrue(text.contains("我局领办需答复代表的42件建议中，代表沟通反馈的满意率为97.6%（满意40件、基本满意1件、不满意1件），"
                    + "建议办理绩效评价得分为92.5分（满分100分）。"));
            assertFalse(text.contains("提案"), "no word of proposals");
        }
        assertTrue(docx.contains("我局分办的“关于*加快*发展 A|B 产业的建议”（第20221001号），"));
        assertTrue(markdown.contains("### （一）关于\\*加快\\*发展 A\\|B 产业的建议"), "Markdown's markup characters are escaped");
    }

    @Test
    void sharesAreWrittenAsTheSummariesWriteThem() {
        assertEquals("100%", SummaryText.percent(44, 44));
        assertEquals("97.7%", SummaryText.percent(43, 44));
        assertEquals("80%", SummaryText.percent(4, 5));
        assertEquals("33.3%", SummaryText.percent(1, 3));
        assertEquals(new BigDecimal("0.9773"), new Satisfaction(42, 1, 1).rate());
        assertEquals(null, new Satisfaction(0, 0, 0).rate());
        assertEquals(List.of("一", "十", "十一", "二十", "二十一"), List.of(1, 10, 11, 20, 21).stream().map(SummaryText::chineseNumber).toList());
    }

    @Test
    void figuresThatCannotBeTrueAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Handled(1, 1, 0, 0, 3), "more completed than handled");
        assertThrows(IllegalArgumentException.class, () -> new OnTime(45, 44));
        assertThrows(IllegalArgumentException.class, () -> new Adoption(6, 5));
        assertThrows(IllegalArgumentException.class, () -> new Satisfaction(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(new BigDecimal("101"), new BigDecimal("100")));
        assertThrows(IllegalArgumentException.class,
                () -> new TypicalCase("20220024", CLUSTER_PROPOSAL, HandlingType.LEAD, 1, List.of("甲", "乙")), "more listed than it led to");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("【待填写：[^】]*】").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** The Markdown's text as read: placeholders without the tags that highlight them. */
    private static String withoutMarks(String markdown) {
        return markdown.replace("<mark>", "").replace("</mark>", "");
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }
}
