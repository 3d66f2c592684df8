package org.proposals.reply.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.proposals.reply.ContactRecord;
import org.proposals.reply.service.UnitContactRate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<ContactRecord, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("contactedAt").and("recordedAt", Sort.Direction.Descending).and("id");

    /** Every contact of a case, newest first. */
    public List<ContactRecord> ofCase(UUID caseId) {
        return list("caseId", NEWEST_FIRST, caseId);
    }

    public List<ContactRecord> ofCase(UUID caseId, int page, int size) {
        return find("caseId", NEWEST_FIRST, caseId).page(Page.of(page, size)).list();
    }

    public long countOfCase(UUID caseId) {
        return count("caseId", caseId);
    }

    public Optional<ContactRecord> findInCase(UUID caseId, UUID contactId) {
        return find("id = ?1 and caseId = ?2", contactId, caseId).firstResultOptional();
    }

    /** The contact with its row locked until the transaction ends: the proposer answers it once. */
    public Optional<ContactRecord> findInCaseForUpdate(UUID caseId, UUID contactId) {
        return find("id = ?1 and caseId = ?2", contactId, caseId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Per unit, in one aggregate query: its live cases that reply to the proposer opened in [from, to), those with
     * at least one undisputed contact and those with at least one undisputed face-to-face contact. Any bound and
     * the unit may be null (no filter).
     */
    public List<UnitContactRate> rates(String unitId, OffsetDateTime from, OffsetDateTime to) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.unit_id, max(c.unit_name), count(*),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contact_record r
                                                       WHERE r.case_id = c.id AND r.confirmation <> 'DISPUTED')),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contact_record r
                                                       WHERE r.case_id = c.id AND r.face_to_face
                                                         AND r.confirmation <> 'DISPUTED'))
                  FROM handling_case c
                 WHERE c.handling_type IN ('SOLE', 'LEAD', 'SPLIT')
                   AND c.status <> 'ENDED'
                """);
        if (unitId != null) {
            sql.append("   AND c.unit_id = :unitId\n");
        }
        if (from != null) {
            sql.append("   AND c.opened_at >= :from\n");
        }
        if (to != null) {
            sql.append("   AND c.opened_at < :to\n");
        }
        sql.append(" GROUP BY c.unit_id ORDER BY c.unit_id");
        Query query = getEntityManager().createNativeQuery(sql.toString());
        if (unitId != null) {
            query.setParameter("unitId", unitId);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> rate((String) row[0], (String) row[1], number(row[2]), number(row[3]), number(row[4])))
                .toList();
    }

    public static UnitContactRate rate(String unitId, String unitName, long cases, long contacted, long faceToFace) {
        return new UnitContactRate(unitId, unitName, cases, contacted, faceToFace, ratio(contacted, cases), ratio(faceToFace, cases));
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
