package org.proposals.kit.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finds the service's audit records, newest first, by proposal and/or by record. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditRecords {

    @Inject
    EntityManager entityManager;

    public List<AuditRecord> list(UUID proposalId, String recordType, String recordId, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<AuditRecord> query = entityManager.createQuery(
                "FROM AuditRecord a" + where(proposalId, recordType, recordId, parameters) + " ORDER BY a.seq DESC",
                AuditRecord.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(UUID proposalId, String recordType, String recordId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> query = entityManager.createQuery(
                "SELECT count(a) FROM AuditRecord a" + where(proposalId, recordType, recordId, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(UUID proposalId, String recordType, String recordId, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (proposalId != null) {
            where.append(" AND a.proposalId = :proposalId");
            parameters.put("proposalId", proposalId);
        }
        if (recordType != null) {
            where.append(" AND a.recordType = :recordType");
            parameters.put("recordType", recordType);
        }
        if (recordId != null) {
            where.append(" AND a.recordId = :recordId");
            parameters.put("recordId", recordId);
        }
        return where.toString();
    }
}
