package org.proposals.evaluation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.proposals.evaluation.PointsCriterion;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What a unit's points sheet for a year is computed from, in two set-based queries over the read model whatever the
 * number of handlings: the counts each criterion is a share of, and every item that missed a criterion with the ids of
 * the events that show it. The handlings counted are the unit's on the proposals submitted in the year (the city's),
 * with a known handling type and not ended by an adjustment.
 */
@ApplicationScoped
public class PointsRepository {

    @Inject
    EntityManager entityManager;

    /** What the criteria count: the unit's handlings that year, and how many each criterion is a share of. */
    public record Counts(long handlings, long coHandling, long needingReply, long firstRoundRated, long rehandlingRated,
                         long promised, String unitName) {
    }

    /**
     * One item that missed a criterion: the unit's handling of a proposal, with the ids (earliest first) of the
     * DeadlineMissed events, the unsatisfied ratings (satisfaction ids), the contacts that did not count and the
     * commitments fulfilled late that show it.
     *
     * @param round the round rated unsatisfied, for the satisfaction criteria
     */
    public record Missed(PointsCriterion criterion, UUID proposalId, String number, String title, Integer round,
                         List<UUID> missedDeadlines, List<UUID> satisfactions, List<UUID> contacts, List<UUID> commitments) {
    }

    /** The unit's handlings that year and, per handling, the facts the criteria need. */
    private static final String FACTS = """
            WITH h AS (
                SELECT h.proposal_id, h.unit_id, h.unit_name, h.handling_type, h.signed_late, h.reply_due_date,
                       h.reply_round, h.rating, h.first_round_rating,
                       CAST(h.replied_at AT TIME ZONE :zone AS date) AS replied_on,
                       CAST(h.opinion_submitted_at AT TIME ZONE :zone AS date) AS opinion_on,
                       p.number, p.title
                  FROM unit_handling h
                  JOIN proposal_record p ON p.proposal_id = h.proposal_id
                 WHERE h.unit_id = :unitId AND h.year = :year
                   AND h.handling_type IS NOT NULL AND h.ended_at IS NULL),
            -- the deadlines missed, per handling and the criterion they count against (one per escalation level)
            m AS (
                SELECT d.proposal_id,
                       CASE d.clock WHEN 'sign-for' THEN 'SIGN_FOR_ON_TIME'
                                    WHEN 'co-handling-opinion' THEN 'OPINIONS_ON_TIME'
                                    WHEN 'first-contact' THEN 'CONTACT_RATE'
                                    WHEN 'formal-reply' THEN 'REPLIES_ON_TIME'
                                    WHEN 'rehandling-reply' THEN 'REPLIES_ON_TIME'
                                    WHEN 'second-reply' THEN 'COMMITMENTS_KEPT' END AS criterion,
                       string_agg(CAST(d.event_id AS text), ',' ORDER BY d.occurred_at, d.event_id) AS ids
                  FROM missed_deadline d
                 WHERE d.unit_id = :unitId AND d.proposal_id IN (SELECT proposal_id FROM h)
                 GROUP BY 1, 2),
            -- contacts: whether one the proposer did not dispute exists, and one face to face
            c AS (
                SELECT x.proposal_id,
                       bool_or(NOT x.disputed) AS contacted,
                       bool_or(x.face_to_face AND NOT x.disputed) AS face_to_face,
                       string_agg(CAST(x.contact_id AS text), ',' ORDER BY x.contacted_at, x.contact_id) AS ids
                  FROM handling_contact x
                 WHERE x.unit_id = :unitId AND x.proposal_id IN (SELECT proposal_id FROM h)
                 GROUP BY x.proposal_id),
            -- unsatisfied ratings per round
            s AS (
                SELECT r.proposal_id, r.round,
                       string_agg(CAST(r.id AS text), ',' ORDER BY r.recorded_at, r.id) AS ids
                  FROM satisfaction r
                 WHERE r.unit_id = :unitId AND r.rating = 'UNSATISFIED' AND r.proposal_id IN (SELECT proposal_id FROM h)
                 GROUP BY r.proposal_id, r.round),
            -- promises kept, and those kept after their due date
            k AS (
                SELECT x.proposal_id,
                       string_agg(CAST(x.commitment_id AS text), ',' ORDER BY x.fulfilled_at, x.commitment_id)
                           FILTER (WHERE CAST(x.fulfilled_at AT TIME ZONE :zone AS date) > x.due_date) AS late_ids
                  FROM handling_commitment x
                 WHERE x.unit_id = :unitId AND x.proposal_id IN (SELECT proposal_id FROM h)
                 GROUP BY x.proposal_id)
            """;

    public Counts counts(String unitId, int year, String zone) {
        Query query = entityManager.createNativeQuery(FACTS + """
                SELECT count(*),
                       count(*) FILTER (WHERE h.handling_type = 'CO_HANDLING'),
                       count(*) FILTER (WHERE h.handling_type <> 'CO_HANDLING'),
                       count(h.first_round_rating) FILTER (WHERE h.handling_type <> 'CO_HANDLING'),
                       count(*) FILTER (WHERE h.handling_type <> 'CO_HANDLING' AND h.reply_round > 1 AND h.rating IS NOT NULL),
                       count(*) FILTER (WHERE h.handling_type <> 'CO_HANDLING' AND (k.proposal_id IS NOT NULL OR mk.ids IS NOT NULL)),
                       max(h.unit_name)
                  FROM h
                  LEFT JOIN k ON k.proposal_id = h.proposal_id
                  LEFT JOIN m mk ON mk.proposal_id = h.proposal_id AND mk.criterion = 'COMMITMENTS_KEPT'
                """);
        bind(query, unitId, year, zone);
        Object[] r = (Object[]) query.getSingleResult();
        return new Counts(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), (String) r[6]);
    }

    /** Every item that missed a criterion, by proposal number. */
    public List<Missed> missed(String unitId, int year, String zone) {
        Query query = entityManager.createNativeQuery(FACTS + """
                SELECT 'SIGN_FOR_ON_TIME' AS criterion, h.proposal_id, h.number, h.title, CAST(NULL AS integer) AS round,
                       ms.ids AS deadlines, CAST(NULL AS text) AS ratings, CAST(NULL AS text) AS contacts,
                       CAST(NULL AS text) AS commitments
                  FROM h LEFT JOIN m ms ON ms.proposal_id = h.proposal_id AND ms.criterion = 'SIGN_FOR_ON_TIME'
                 WHERE COALESCE(h.signed_late, false) OR ms.ids IS NOT NULL
                UNION ALL
                SELECT 'OPINIONS_ON_TIME', h.proposal_id, h.number, h.title, NULL, mo.ids, NULL, NULL, NULL
                  FROM h LEFT JOIN m mo ON mo.proposal_id = h.proposal_id AND mo.criterion = 'OPINIONS_ON_TIME'
                 WHERE h.handling_type = 'CO_HANDLING' AND (h.opinion_on > h.reply_due_date OR mo.ids IS NOT NULL)
                UNION ALL
                SELECT 'CONTACT_RATE', h.proposal_id, h.number, h.title, NULL, mc.ids, NULL, c.ids, NULL
                  FROM h LEFT JOIN c ON c.proposal_id = h.proposal_id
                  LEFT JOIN m mc ON mc.proposal_id = h.proposal_id AND mc.criterion = 'CONTACT_RATE'
                 WHERE h.handling_type <> 'CO_HANDLING' AND NOT COALESCE(c.contacted, false)
                UNION ALL
                SELECT 'FACE_TO_FACE_RATE', h.proposal_id, h.number, h.title, NULL, NULL, NULL, c.ids, NULL
                  FROM h LEFT JOIN c ON c.proposal_id = h.proposal_id
                 WHERE h.handling_type <> 'CO_HANDLING' AND NOT COALESCE(c.face_to_face, false)
                UNION ALL
                SELECT 'REPLIES_ON_TIME', h.proposal_id, h.number, h.title, NULL, mr.ids, NULL, NULL, NULL
                  FROM h LEFT JOIN m mr ON mr.proposal_id = h.proposal_id AND mr.criterion = 'REPLIES_ON_TIME'
                 WHERE h.handling_type <> 'CO_HANDLING'
                   AND (mr.ids IS NOT NULL OR (COALESCE(h.reply_round, 1) = 1 AND h.replied_on > h.reply_due_date))
                UNION ALL
                SELECT 'FIRST_ROUND_SATISFACTION', h.proposal_id, h.number, h.title, 1, NULL, s1.ids, NULL, NULL
                  FROM h LEFT JOIN s s1 ON s1.proposal_id = h.proposal_id AND s1.round = 1
                 WHERE h.handling_type <> 'CO_HANDLING' AND h.first_round_rating = 'UNSATISFIED'
                UNION ALL
                SELECT 'REHANDLING_SATISFACTION', h.proposal_id, h.number, h.title, h.reply_round, NULL, sr.ids, NULL, NULL
                  FROM h LEFT JOIN s sr ON sr.proposal_id = h.proposal_id AND sr.round = h.reply_round
                 WHERE h.handling_type <> 'CO_HANDLING' AND h.reply_round > 1 AND h.rating = 'UNSATISFIED'
                UNION ALL
                SELECT 'COMMITMENTS_KEPT', h.proposal_id, h.number, h.title, NULL, mk.ids, NULL, NULL, k.late_ids
                  FROM h LEFT JOIN k ON k.proposal_id = h.proposal_id
                  LEFT JOIN m mk ON mk.proposal_id = h.proposal_id AND mk.criterion = 'COMMITMENTS_KEPT'
                 WHERE h.handling_type <> 'CO_HANDLING' AND (mk.ids IS NOT NULL OR k.late_ids IS NOT NULL)
                 ORDER BY 3 NULLS LAST, 2
                """);
        bind(query, unitId, year, zone);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Missed(PointsCriterion.valueOf((String) r[0]), (UUID) r[1], (String) r[2],
                (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue(), ids(r[5]), ids(r[6]), ids(r[7]), ids(r[8])))
                .toList();
    }

    private static void bind(Query query, String unitId, int year, String zone) {
        query.setParameter("unitId", unitId);
        query.setParameter("year", year);
        query.setParameter("zone", zone);
    }

    private static List<UUID> ids(Object joined) {
        return joined == null ? List.of() : Arrays.stream(joined.toString().split(",")).map(UUID::fromString).toList();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
