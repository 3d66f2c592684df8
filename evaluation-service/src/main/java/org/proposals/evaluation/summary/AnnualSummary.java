package org.proposals.evaluation.summary;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every figure a unit's annual handling summary (提案办理工作总结) states, for one year or one session, as the
 * service computes them; {@link SummaryMarkdown} and {@link SummaryDocx} write the summary from them. What
 * only the office can write (the opening, the narrative of each section) is not here: the renderings leave a
 * placeholder for it. A figure that may not be known yet is nullable, and the renderings then leave a
 * placeholder instead of a number.
 *
 * @param unitId                 the handling unit
 * @param unitName               its name as the title shows it, e.g. 市工业和信息化局
 * @param year                   the year summed up
 * @param sessionName            the session whose proposals were handled, e.g. 市政协七届二次会议; null when the
 *                               summary covers a year rather than one session
 * @param kind                   CPPCC proposals (提案) or NPC deputies' suggestions (建议): the wording follows it
 * @param handled                the proposals the unit handled, by handling type, and how many are done
 * @param mainTopics             the main topics of those proposals, e.g. 新一代信息技术, 数字经济
 * @param adoption               how many were adopted (采纳); null when not known
 * @param convertedProposals     the register of work measures: each proposal that led to measures, with them
 *                               (the summary's appendix)
 * @param typicalCases           the cases the summary presents, in order
 * @param timeliness             the on-time figures; null when not known
 * @param satisfaction           the proposers' ratings of the replies owed to them
 * @param reassignedInRecessOpen   proposals re-assigned to the unit during the recess (闭会期间重新交办) and still
 *                               being handled, which the satisfaction figures leave out
 * @param evaluation             the unit's evaluation score (绩效评价); null when no evaluation exists yet
 */
public record AnnualSummary(
        String unitId,
        String unitName,
        int year,
        String sessionName,
        ProposalKind kind,
        Handled handled,
        List<String> mainTopics,
        Adoption adoption,
        List<ConvertedProposal> convertedProposals,
        List<TypicalCase> typicalCases,
        Timeliness timeliness,
        Satisfaction satisfaction,
        int reassignedInRecessOpen,
        Evaluation evaluation) {

    public AnnualSummary {
        requireText(unitId, "unitId");
        requireText(unitName, "unitName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(handled, "handled");
        Objects.requireNonNull(satisfaction, "satisfaction");
        mainTopics = List.copyOf(mainTopics);
        convertedProposals = List.copyOf(convertedProposals);
        typicalCases = List.copyOf(typicalCases);
        requireCount(reassignedInRecessOpen, "reassignedInRecessOpen");
    }

    /** The work measures in the register, over all proposals. */
    public int measureCount() {
        return convertedProposals.stream().mapToInt(p -> p.measures().size()).sum();
    }

    /**
     * The proposals the unit handled, by handling type (办理类型), and how many of them are done.
     *
     * @param sole       承办件: the unit alone handles it
     * @param lead       主办件: the unit leads
     * @param split      分办件: the unit answers its own part
     * @param coHandling 会办件: the unit assists the lead unit
     * @param completed  handled to the end (办理完成)
     */
    public record Handled(int sole, int lead, int split, int coHandling, int completed) {

        public Handled {
            requireCount(sole, "sole");
            requireCount(lead, "lead");
            requireCount(split, "split");
            requireCount(coHandling, "coHandling");
            requireCount(completed, "completed");
            if (completed > sole + lead + split + coHandling) {
                throw new IllegalArgumentException("more completed than handled: " + completed);
            }
        }

        public int count(HandlingType type) {
            return switch (type) {
                case SOLE -> sole;
                case LEAD -> lead;
                case SPLIT -> split;
                case CO_HANDLING -> coHandling;
            };
        }

        @JsonProperty
        public int total() {
            return sole + lead + split + coHandling;
        }

        /** Those that owe the proposer a formal reply: sole, lead and split, not co-handling. */
        @JsonProperty
        public int needingReply() {
            int needing = 0;
            for (HandlingType type : HandlingType.values()) {
                needing += type.repliesToProposer() ? count(type) : 0;
            }
            return needing;
        }

        @JsonProperty
        public int inProgress() {
            return total() - completed;
        }

        public boolean allCompleted() {
            return completed == total();
        }
    }

    /** How many of the proposals the unit handled it adopted (采纳), in whole or in part. */
    public record Adoption(int adopted, int total) {

        public Adoption {
            requireCount(adopted, "adopted");
            requirePart(adopted, total, "adopted");
        }

        public boolean all() {
            return adopted == total;
        }
    }

    /**
     * One proposal that led to work measures, as the register (the appendix) lists it.
     *
     * @param proposalNumber the committee's number, e.g. 20220024
     */
    public record ConvertedProposal(String proposalNumber, String title, List<Measure> measures) {

        public ConvertedProposal {
            requireText(proposalNumber, "proposalNumber");
            requireText(title, "title");
            measures = List.copyOf(measures);
        }
    }

    /**
     * A work measure a proposal led to (提案转化为实际工作措施).
     *
     * @param kind           the register's kind, as {@code WorkMeasureRecorded} carries it: POLICY_DOCUMENT,
     *                       ACTION_PLAN, EVENT, PLATFORM or OTHER
     * @param documentNumber the document's number (文号), e.g. 深府办〔2022〕5号; null when it has none
     * @param issuedOn       when it was issued or held; null when not known
     */
    public record Measure(String kind, String title, String documentNumber, LocalDate issuedOn) {

        private static final Map<String, String> KIND_LABELS = Map.of(
                "POLICY_DOCUMENT", "政策文件", "ACTION_PLAN", "行动计划", "EVENT", "活动", "PLATFORM", "平台", "OTHER", "其他");

        public Measure {
            requireText(kind, "kind");
            requireText(title, "title");
        }

        /** The kind as the register shows it (行动计划); a kind this service does not know yet, as it came. */
        public String kindLabel() {
            return KIND_LABELS.getOrDefault(kind, kind);
        }
    }

    /**
     * A case the summary presents (典型案例): the proposal, how the unit took part, and what it led to.
     *
     * @param measureCount how many work measures it led to
     * @param measures     the main ones, by title: all of them or a few
     */
    public record TypicalCase(String proposalNumber, String title, HandlingType handlingType, int measureCount,
                              List<String> measures) {

        public TypicalCase {
            requireText(proposalNumber, "proposalNumber");
            requireText(title, "title");
            Objects.requireNonNull(handlingType, "handlingType");
            measures = List.copyOf(measures);
            requirePart(measures.size(), measureCount, "measures listed");
        }
    }

    /**
     * Whether the unit kept the time limits (按时办理), each as how many were done in time of how many were due.
     *
     * @param signFor            assignments signed for (签收)
     * @param coHandlingOpinions co-handling opinions sent to lead units (会办意见)
     * @param proposerContacts   first contacts with the proposer (与委员沟通)
     * @param formalReplies      formal replies (正式答复)
     */
    public record Timeliness(OnTime signFor, OnTime coHandlingOpinions, OnTime proposerContacts, OnTime formalReplies) {

        public Timeliness {
            Objects.requireNonNull(signFor, "signFor");
            Objects.requireNonNull(coHandlingOpinions, "coHandlingOpinions");
            Objects.requireNonNull(proposerContacts, "proposerContacts");
            Objects.requireNonNull(formalReplies, "formalReplies");
        }

        /** Whether everything due was done in time. */
        public boolean allOnTime() {
            return signFor.complete() && coHandlingOpinions.complete() && proposerContacts.complete()
                    && formalReplies.complete();
        }
    }

    /** How many of the {@code due} were done in time. */
    public record OnTime(int onTime, int due) {

        public OnTime {
            requireCount(onTime, "onTime");
            requirePart(onTime, due, "onTime");
        }

        public boolean complete() {
            return onTime == due;
        }
    }

    /**
     * The proposers' ratings of the formal replies owed to them (满意度), by rating. The summary relates them
     * to {@link Handled#needingReply()}.
     */
    public record Satisfaction(int satisfied, int basicallySatisfied, int unsatisfied) {

        public Satisfaction {
            requireCount(satisfied, "satisfied");
            requireCount(basicallySatisfied, "basicallySatisfied");
            requireCount(unsatisfied, "unsatisfied");
        }

        @JsonProperty
        public int rated() {
            return satisfied + basicallySatisfied + unsatisfied;
        }

        /**
         * Satisfied and basically satisfied over all ratings, as the rules count it, to four decimal places
         * (0.9773); null when nothing has been rated.
         */
        @JsonProperty
        public BigDecimal rate() {
            return rated() == 0 ? null
                    : BigDecimal.valueOf(satisfied + basicallySatisfied).divide(BigDecimal.valueOf(rated()), 4, RoundingMode.HALF_UP);
        }
    }

    /** The unit's evaluation score (提案办理绩效评价), e.g. 100 of 100. */
    public record Evaluation(BigDecimal points, BigDecimal maximum) {

        public Evaluation {
            Objects.requireNonNull(points, "points");
            Objects.requireNonNull(maximum, "maximum");
            if (points.signum() < 0 || points.compareTo(maximum) > 0) {
                throw new IllegalArgumentException("points between 0 and the maximum: " + points + " of " + maximum);
            }
        }

        public boolean full() {
            return points.compareTo(maximum) == 0;
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requireCount(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
    }

    private static void requirePart(int part, int whole, String name) {
        if (part > whole) {
            throw new IllegalArgumentException(name + " exceeds its total: " + part + " of " + whole);
        }
    }
}
