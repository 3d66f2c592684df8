package org.proposals.evaluation.summary;

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
import org.proposals.kit.document.Run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary's text, block by block in reading order, composed once from the figures, so that the Markdown
 * and the Word rendering say the same. The structure and the sentences are those of a real bureau's summary;
 * every figure comes from the {@link AnnualSummary}, and each sentence is worded after them (no "全部办理完成"
 * while some are open). What only the office can write is a {@link Run#placeholder placeholder}.
 */
final class SummaryText {

    sealed interface Block permits Title, Heading, Paragraph, Label, Table, PageBreak {
    }

    record Title(String text) implements Block {
    }

    /** Level 1 (一、), 2 (（一）) or 3. */
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(List<Run> runs) implements Block {
    }

    /** A line without indent, e.g. 附件. */
    record Label(String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows, int[] widths) implements Block {
    }

    record PageBreak() implements Block {
    }

    /**
     * The relative widths of the register's columns: 序号, 编号, 标题, 措施类型, 工作措施, 文号, 日期, so that a
     * proposal number and a four-character kind fit on one line of the A4 page and the titles get the rest.
     */
    private static final int[] REGISTER_WIDTHS = {13, 22, 40, 22, 43, 19, 18};

    private final AnnualSummary summary;
    private final Wording words;
    private final List<Block> blocks = new ArrayList<>();

    private SummaryText(AnnualSummary summary) {
        this.summary = summary;
        this.words = Wording.of(summary.kind(), summary.unitName());
    }

    static List<Block> of(AnnualSummary summary) {
        SummaryText text = new SummaryText(summary);
        text.compose();
        return List.copyOf(text.blocks);
    }

    private void compose() {
        blocks.add(new Title(summary.unitName() + summary.year() + "年" + words.category + "办理工作总结"));
        paragraph(Run.placeholder("开篇段落：本年度" + words.item + "办理工作的总体情况和指导思想，以“主要工作情况如下：”结尾"));

        blocks.add(new Heading(1, "一、" + words.category + "办理总体情况"));
        blocks.add(new Heading(2, "（一）办理完成情况。"));
        completion();
        blocks.add(new Heading(2, "（二）" + words.item + "采纳情况。"));
        adoption();
        blocks.add(new Heading(2, "（三）" + words.category + "转化为实际工作措施情况。"));
        conversion();

        blocks.add(new Heading(1, "二、主要工作举措"));
        workMethods();

        blocks.add(new Heading(1, "三、典型案例及主要成效"));
        typicalCases();

        blocks.add(new Heading(1, "四、" + words.item + "办理绩效评价"));
        performance();

        register();
    }

    /** "2022年，我局负责办理市政协七届二次会议提案111件，其中承办件2件、……，目前已全部办理完成。" */
    private void completion() {
        Handled handled = summary.handled();
        StringBuilder text = new StringBuilder(summary.year() + "年，" + words.we + "负责办理" + handledItems());
        if (handled.total() == 0) {
            paragraph(Run.text(text.append("0件。").toString()));
            return;
        }
        text.append(handled.total()).append("件");
        List<String> byType = new ArrayList<>();
        for (HandlingType type : HandlingType.values()) {
            if (handled.count(type) > 0) {
                byType.add(type.label() + "件" + handled.count(type) + "件");
            }
        }
        text.append("，其中").append(String.join("、", byType)).append("，");
        if (handled.allCompleted()) {
            text.append("目前已全部办理完成。");
        } else if (handled.completed() == 0) {
            text.append("目前均在办理中。");
        } else {
            text.append("目前已办理完成").append(handled.completed()).append("件，正在办理").append(handled.inProgress()).append("件。");
        }
        Satisfaction satisfaction = summary.satisfaction();
        if (handled.needingReply() > 0 && satisfaction.rated() == handled.needingReply()
                && satisfaction.satisfied() == satisfaction.rated()) {
            text.append(words.proposersInFull).append("对").append(words.we).append("办理工作和答复意见均表示满意。");
        }
        paragraph(Run.text(text.toString()));
    }

    /** The topics and the adoption figure are stated; what the office thinks of the proposals is its to write. */
    private void adoption() {
        List<Run> runs = new ArrayList<>();
        if (summary.mainTopics().isEmpty()) {
            runs.add(Run.placeholder(words.item + "涉及的主要主题"));
        } else {
            runs.add(Run.text(words.we + "负责办理的" + handledItems() + "主要涉及" + String.join("、", summary.mainTopics())
                    + "等主题，"));
        }
        runs.add(Run.placeholder("对" + words.item + "的总体评价，以及研究采纳、与" + words.proposers + "沟通的做法"));
        AnnualSummary.Adoption adoption = summary.adoption();
        if (adoption == null) {
            runs.add(Run.placeholder(words.item + "采纳情况"));
        } else if (adoption.total() > 0 && adoption.all()) {
            runs.add(Run.text("据统计，今年的" + words.category + "已全部采纳。"));
        } else {
            runs.add(Run.text("据统计，" + words.we + "负责办理的" + adoption.total() + "件" + words.item + "中，已采纳"
                    + adoption.adopted() + "件" + (adoption.total() > 0 ? "，采纳率为" + percent(adoption.adopted(), adoption.total()) : "")
                    + "。"));
        }
        paragraph(runs);
    }

    private void conversion() {
        List<Run> runs = new ArrayList<>();
        runs.add(Run.placeholder("将" + words.item + "转化为实际工作措施的总体做法"));
        int proposals = summary.convertedProposals().size();
        if (proposals == 0) {
            runs.add(Run.text(summary.year() + "年，" + words.we + "尚未登记由" + words.item + "转化的实际工作措施。"));
        } else {
            runs.add(Run.text(summary.year() + "年，" + words.we + "共推动" + proposals + "件" + words.item + "转化为"
                    + summary.measureCount() + "项实际工作措施，具体转化情况详见附件。"));
        }
        paragraph(runs);
    }

    /** The headings of the model summary, offered for the office to keep or change. */
    private void workMethods() {
        paragraph(Run.placeholder("以下小标题为参考，可按本单位实际调整"));
        List<String[]> methods = List.of(
                new String[]{"（一）提高政治站位，高度重视" + words.item + "办理工作。", "学习贯彻、部署要求、四级办理机制等做法"},
                new String[]{"（二）围绕中心大局，严格落实" + words.item + "规范办理要求。", "办理与业务工作同部署同推进、办理工作标准化规范化、跟踪协调和督办审核等做法"},
                new String[]{"（三）突出重点关键，推动实现办理高质量。", "出台相关政策措施、严把答复意见审核关等做法"},
                new String[]{"（四）注重办理协商，切实落实沟通联系硬要求。", "与" + words.proposers + "沟通交流、答复前先行征询意见、按时办理与日常联络等做法"});
        for (String[] method : methods) {
            blocks.add(new Heading(2, method[0]));
            paragraph(Run.placeholder(method[1]));
        }
    }

    /** "我局主办的“……”（第20220024号）……转化为11项工作措施，主要包括：……" */
    private void typicalCases() {
        if (summary.typicalCases().isEmpty()) {
            paragraph(Run.placeholder("典型案例：" + words.item + "编号、标题、办理过程和主要成效"));
            return;
        }
        int number = 0;
        for (TypicalCase typical : summary.typicalCases()) {
            blocks.add(new Heading(2, "（" + chineseNumber(++number) + "）" + typical.title()));
            List<Run> runs = new ArrayList<>();
            runs.add(Run.text(words.we + typical.handlingType().label() + "的“" + typical.title() + "”（第" + typical.proposalNumber()
                    + "号），"));
            runs.add(Run.placeholder(words.item + "的主要内容和" + words.we + "的研究采纳过程"));
            if (typical.measureCount() > 0) {
                boolean all = typical.measures().size() == typical.measureCount();
                runs.add(Run.text("该" + words.item + "转化为" + typical.measureCount() + "项工作措施"
                        + (typical.measures().isEmpty() ? "。"
                        : "，" + (all ? "包括：" : "主要包括：") + String.join("；", typical.measures()) + (all ? "。" : "等。"))));
            }
            runs.add(Run.placeholder("取得的主要成效"));
            paragraph(runs);
        }
    }

    /** On time, satisfaction and the score: the seed's one paragraph, each clause worded after its figures. */
    private void performance() {
        List<Run> runs = new ArrayList<>();
        Timeliness timeliness = summary.timeliness();
        if (timeliness == null) {
            runs.add(Run.placeholder("按时签收、提交会办意见、与" + words.proposers + "沟通和正式答复的情况"));
        } else {
            runs.add(Run.text(onTime(timeliness)));
        }
        runs.add(Run.text(satisfaction()));
        Evaluation evaluation = summary.evaluation();
        if (evaluation == null) {
            runs.add(Run.placeholder(words.item + "办理绩效评价结果"));
            runs.add(Run.text("。"));
        } else if (evaluation.full()) {
            runs.add(Run.text(words.item + "办理绩效评价为满分（" + plain(evaluation.maximum()) + "分）。"));
        } else {
            runs.add(Run.text(words.item + "办理绩效评价得分为" + plain(evaluation.points()) + "分（满分" + plain(evaluation.maximum())
                    + "分）。"));
        }
        paragraph(runs);
    }

    private String onTime(Timeliness timeliness) {
        List<String[]> clauses = new ArrayList<>(); // what was due, as "done in time" and as "due"
        List<OnTime> figures = List.of(timeliness.signFor(), timeliness.coHandlingOpinions(), timeliness.proposerContacts(),
                timeliness.formalReplies());
        List<String> actions = List.of("签收", "提交会办意见", "与" + words.proposers + "积极沟通", "正式答复");
        List<String> dues = List.of("应签收" + words.item + "%d件，按时签收%d件", "应提交会办意见%d件，按时提交%d件",
                "应与" + words.proposers + "沟通联系%d件，按时沟通%d件", "应正式答复%d件，按时答复%d件");
        for (int i = 0; i < figures.size(); i++) {
            OnTime figure = figures.get(i);
            if (figure.due() > 0) {
                clauses.add(new String[]{actions.get(i), dues.get(i).formatted(figure.due(), figure.onTime())});
            }
        }
        if (clauses.isEmpty()) {
            return "";
        }
        if (timeliness.allOnTime()) {
            return words.we + "高度重视" + words.item + "办理工作，办理的所有" + words.item + "均按时按质完成，在规定时间内"
                    + String.join("、", clauses.stream().map(c -> c[0]).toList()) + "。";
        }
        return words.we + String.join("；", clauses.stream().map(c -> c[1]).toList()) + "。";
    }

    /** "除1件闭会期间重新交办的案件正在办理外，我局领办需答复委员的44件提案中，委员沟通反馈的满意率为100%，" */
    private String satisfaction() {
        StringBuilder text = new StringBuilder();
        if (summary.reassignedInRecessOpen() > 0) {
            text.append("除").append(summary.reassignedInRecessOpen()).append("件闭会期间重新交办的案件正在办理外，");
        }
        int needingReply = summary.handled().needingReply();
        Satisfaction satisfaction = summary.satisfaction();
        if (summary.handled().total() == 0) {
            return text.toString();
        }
        if (needingReply == 0) {
            return text.append(words.we).append("负责办理的").append(words.item).append("均为会办件，无需直接答复")
                    .append(words.proposers).append("，").toString();
        }
        text.append(words.we).append("领办需答复").append(words.proposers).append("的").append(needingReply).append("件")
                .append(words.item).append("中，");
        if (satisfaction.rated() == 0) {
            return text.append("尚无").append(words.proposers).append("反馈评价，").toString();
        }
        if (satisfaction.rated() < needingReply) {
            text.append(satisfaction.rated()).append("件已有").append(words.proposers).append("反馈评价，");
        }
        text.append(words.proposers).append("沟通反馈的满意率为")
                .append(percent(satisfaction.satisfied() + satisfaction.basicallySatisfied(), satisfaction.rated()));
        if (satisfaction.satisfied() < satisfaction.rated()) {
            text.append("（满意").append(satisfaction.satisfied()).append("件、基本满意").append(satisfaction.basicallySatisfied())
                    .append("件、不满意").append(satisfaction.unsatisfied()).append("件）");
        }
        return text.append("，").toString();
    }

    /** The appendix: every measure of the register, one row each. */
    private void register() {
        if (summary.convertedProposals().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ConvertedProposal proposal : summary.convertedProposals()) {
            for (Measure measure : proposal.measures()) {
                rows.add(List.of(String.valueOf(rows.size() + 1), proposal.proposalNumber(), proposal.title(), measure.kindLabel(),
                        measure.title(), measure.documentNumber() == null ? "" : measure.documentNumber(), date(measure.issuedOn())));
            }
        }
        blocks.add(new PageBreak());
        blocks.add(new Label("附件"));
        blocks.add(new Title(summary.unitName() + summary.year() + "年" + words.category + "转化为实际工作措施情况表"));
        blocks.add(new Table(List.of("序号", words.item + "编号", words.item + "标题", "措施类型", "工作措施", "文号", "日期"), rows,
                REGISTER_WIDTHS));
    }

    /** "市政协七届二次会议提案" when the summary is of a session, "政协提案" otherwise. */
    private String handledItems() {
        return summary.sessionName() == null || summary.sessionName().isBlank() ? words.category
                : summary.sessionName() + words.sessionItem;
    }

    private void paragraph(Run run) {
        paragraph(List.of(run));
    }

    private void paragraph(List<Run> runs) {
        blocks.add(new Paragraph(List.copyOf(runs)));
    }

    /** A share as the summaries write it: 100%, 97.7%, 80%. */
    static String percent(int part, int whole) {
        return plain(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)) + "%";
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 一 to 九十九, for the （一） of a sub-heading. */
    static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("numbered from 1 to 99: " + n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n >= 20 ? String.valueOf(digits.charAt(n / 10)) : "") + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    /**
     * The words that differ between proposals and suggestions, and how the unit calls itself.
     *
     * @param category       政协提案 / 人大代表建议
     * @param item           提案 / 建议
     * @param sessionItem    what follows a session's name: 市政协七届二次会议提案, 市七届人大二次会议代表建议
     * @param proposers      委员 / 代表
     * @param proposersInFull 提案委员 / 人大代表
     * @param we             我局, 我委, 我办 …: the unit speaking of itself
     */
    private record Wording(String category, String item, String sessionItem, String proposers, String proposersInFull, String we) {

        static Wording of(ProposalKind kind, String unitName) {
            String we = selfReference(unitName);
            return kind == ProposalKind.PROPOSAL
                    ? new Wording("政协提案", "提案", "提案", "委员", "提案委员", we)
                    : new Wording("人大代表建议", "建议", "代表建议", "代表", "人大代表", we);
        }

        /** As units write: 市工业和信息化局 → 我局, 市发展和改革委员会 → 我委; 我单位 when the name says nothing. */
        private static String selfReference(String unitName) {
            String name = unitName.strip();
            if (name.endsWith("委员会")) {
                return "我委";
            }
            for (String ending : List.of("局", "委", "办", "厅", "院", "署", "中心", "公司")) {
                if (name.endsWith(ending)) {
                    return "我" + ending;
                }
            }
            return "我单位";
        }
    }
}
