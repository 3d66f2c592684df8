package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.config.SummaryConfig;
import org.proposals.evaluation.repository.HandlingSql;
import org.proposals.evaluation.summary.AnnualSummary;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Computes every figure of a unit's annual handling summary from the read model, for a year (of submission, in the
 * city) or a session: handlings by type and done, adoption, conversion into measures with the register, typical
 * cases, on-time figures, satisfaction, recess re-assignments still open. Handlings ended by an adjustment do not
 * count; a proposal re-assigned in the recess and still open counts only as such, as the summary tells it apart
 * ("除1件闭会期间重新交办的案件正在办理外"). A few set-based queries, whatever the number of proposals.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SummaryService {

    @Inject
    EntityManager entityManager;

    @Inject
    SummaryConfig config;

    @Inject
    CityClock clock;

    @Inject
    PointsSheetService points;

    /** Which proposals a summary covers: those of a year, or of a session. */
    public record Scope(String unitId, Integer year, UUID sessionId) {

        public Scope {
            if (unitId == null || unitId.isBlank()) {
                throw ApiProblem.invalid("unitId", "name the unit the summary is about");
            }
            if ((year == null) == (sessionId == null)) {
                throw ApiProblem.invalid("year", "name either a year or a sessionId");
            }
        }
    }

    /** A line of the register: a measure and the proposal it stems from. */
    public record RegisterLine(String proposalNumber, String proposalTitle, AnnualSummary.Measure measure) {
    }

    public AnnualSummary annual(Scope scope) {
        LocalDate today = clock.today();
        Object[] f = (Object[]) bind(entityManager.createNativeQuery(HANDLINGS + """
                SELECT count(*) FILTER (WHERE handling_type = 'SOLE'),
                       count(*) FILTER (WHERE handling_type = 'LEAD'),
                       count(*) FILTER (WHERE handling_type = 'SPLIT'),
                       count(*) FILTER (WHERE handling_type = 'CO_HANDLING'),
                       count(*) FILTER (WHERE completed),
                       count(*) FILTER (WHERE completed AND (NOT replying OR result_category IN (:adopted))),
                       count(*),
                       count(*) FILTER (WHERE signed_at IS NOT NULL AND NOT COALESCE(signed_late, false)),
                       count(*) FILTER (WHERE NOT replying AND (opinion_submitted_at IS NOT NULL OR reply_due_date < :today)),
                       count(*) FILTER (WHERE NOT replying AND opinion_on <= reply_due_date),
                       count(*) FILTER (WHERE replying AND (first_contact_at IS NOT NULL OR contact_missed)),
                       count(*) FILTER (WHERE replying AND first_contact_at IS NOT NULL AND NOT contact_missed),
                       count(*) FILTER (WHERE replying AND (completed OR reply_due_date < :today)),
                       count(*) FILTER (WHERE replying AND completed AND replied_on <= reply_due_date),
                       count(*) FILTER (WHERE replying AND rating = 'SATISFIED'),
                       count(*) FILTER (WHERE replying AND rating = 'BASICALLY_SATISFIED'),
                       count(*) FILTER (WHERE replying AND rating = 'UNSATISFIED'),
                       (SELECT count(*) FROM a WHERE origin = 'RECESS_REASSIGNMENT' AND NOT completed),
                       (SELECT max(unit_name) FROM a), max(kind), max(year)
                  FROM h
                """), scope).setParameter("today", today).setParameter("adopted", config.adoptedCategories()).getSingleResult();
        AnnualSummary.Handled handled = new AnnualSummary.Handled(i(f[0]), i(f[1]), i(f[2]), i(f[3]), i(f[4]));
        List<RegisterLine> register = register(scope);
        List<AnnualSummary.ConvertedProposal> converted = new ArrayList<>();
        Map<String, List<AnnualSummary.Measure>> measures = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (RegisterLine line : register) {
            measures.computeIfAbsent(line.proposalNumber(), n -> new ArrayList<>()).add(line.measure());
            titles.put(line.proposalNumber(), line.proposalTitle());
        }
        measures.forEach((number, list) -> converted.add(new AnnualSummary.ConvertedProposal(number, titles.get(number), list)));
        int year = scope.year() != null ? scope.year() : f[20] == null ? today.getYear() : i(f[20]);
        // the year's points sheet, once the unit has handlings that year
        AnnualSummary.Evaluation evaluation = points.total(scope.unitId(), year)
                .map(t -> new AnnualSummary.Evaluation(t.points(), t.maximum())).orElse(null);
        return new AnnualSummary(scope.unitId(), f[18] == null ? scope.unitId() : (String) f[18], year,
                null, f[19] == null ? ProposalKind.PROPOSAL : ProposalKind.valueOf((String) f[19]),
                handled, mainTopics(scope), new AnnualSummary.Adoption(i(f[5]), i(f[6])), converted,
                typicalCases(scope, measures, titles),
                new AnnualSummary.Timeliness(new AnnualSummary.OnTime(i(f[7]), i(f[6])), new AnnualSummary.OnTime(i(f[9]), i(f[8])),
                        new AnnualSummary.OnTime(i(f[11]), i(f[10])), new AnnualSummary.OnTime(i(f[13]), i(f[12]))),
                new AnnualSummary.Satisfaction(i(f[14]), i(f[15]), i(f[16])), i(f[17]), evaluation);
    }

    /** The measures the unit's handlings in scope led to, by proposal number, then date and title. */
    public List<RegisterLine> register(Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(HANDLINGS + """
                SELECT h.number, h.title, m.kind, m.title, m.document_number, m.issued_on
                  FROM h JOIN handling_measure m ON m.proposal_id = h.proposal_id AND m.unit_id = h.unit_id
                 ORDER BY h.number NULLS LAST, m.issued_on NULLS LAST, m.title
                """), scope).getResultList();
        return rows.stream().map(r -> new RegisterLine(r[0] == null ? "" : (String) r[0], r[1] == null ? "" : (String) r[1],
                new AnnualSummary.Measure(r[2] == null ? "OTHER" : (String) r[2], (String) r[3], (String) r[4], (LocalDate) r[5])))
                .toList();
    }

    /** The topics most of the proposals carry, by the committee's names. */
    private List<String> mainTopics(Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(HANDLINGS + """
                SELECT topic, count(*) FROM h CROSS JOIN LATERAL unnest(h.topics) AS topic
                 GROUP BY topic ORDER BY count(*) DESC, topic LIMIT :most
                """), scope).setParameter("most", config.mainTopics()).getResultList();
        return rows.stream().map(r -> config.topicNames().getOrDefault((String) r[0], (String) r[0])).toList();
    }

    /** The proposals that led to the most measures, as the typical cases. */
    private List<AnnualSummary.TypicalCase> typicalCases(Scope scope, Map<String, List<AnnualSummary.Measure>> measures,
                                                         Map<String, String> titles) {
        @SuppressWarnings("unchecked")
        List<Object[]> types = bind(entityManager.createNativeQuery(HANDLINGS + "SELECT number, handling_type FROM h"), scope)
                .getResultList();
        Map<String, HandlingType> typeOf = new LinkedHashMap<>();
        types.forEach(r -> typeOf.put((String) r[0], HandlingType.valueOf((String) r[1])));
        return measures.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() != a.getValue().size()
                        ? Integer.compare(b.getValue().size(), a.getValue().size()) : a.getKey().compareTo(b.getKey()))
                .limit(config.typicalCases())
                .map(e -> new AnnualSummary.TypicalCase(e.getKey(), titles.get(e.getKey()), typeOf.get(e.getKey()),
                        e.getValue().size(), e.getValue().stream().map(AnnualSummary.Measure::title).toList()))
                .toList();
    }

    /**
     * The unit's live handlings of the proposals in scope, with what the figures ask of each: whether it owes the
     * proposer a reply, whether it is done for its current round, the city's dates of reply and opinion, and whether
     * its first-contact deadline was missed.
     */
    private static final String HANDLINGS = """
            WITH a AS (
                SELECT u.*, p.number, p.title, p.topics, p.kind,
                       u.handling_type <> 'CO_HANDLING' AS replying,
                       %s AS completed,
                       CAST(u.replied_at AT TIME ZONE :zone AS date) AS replied_on,
                       CAST(u.opinion_submitted_at AT TIME ZONE :zone AS date) AS opinion_on,
                       EXISTS (SELECT 1 FROM missed_deadline d WHERE d.proposal_id = u.proposal_id AND d.unit_id = u.unit_id
                                  AND d.clock = 'first-contact') AS contact_missed
                  FROM unit_handling u
                  JOIN proposal_record p ON p.proposal_id = u.proposal_id
                 WHERE u.unit_id = :unitId AND u.handling_type IS NOT NULL AND u.ended_at IS NULL
                   AND (CAST(:year AS integer) IS NULL OR u.year = :year)
                   AND (CAST(:sessionId AS uuid) IS NULL OR p.session_id = :sessionId)),
            -- a proposal re-assigned in the recess (闭会期间重新交办) is told apart while it is open, as the summary does
            h AS (SELECT * FROM a WHERE NOT (origin = 'RECESS_REASSIGNMENT' AND NOT completed))
            """.formatted(HandlingSql.done("u"));

    private Query bind(Query query, Scope scope) {
        return query.setParameter("unitId", scope.unitId())
                .setParameter("year", scope.year())
                .setParameter("sessionId", scope.sessionId())
                .setParameter("zone", clock.zone().getId());
    }

    private static int i(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
