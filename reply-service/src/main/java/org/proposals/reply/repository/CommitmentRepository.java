package org.proposals.reply.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.reply.Commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    public List<Commitment> ofCase(UUID caseId) {
        return find("handlingCase.id", Sort.by("dueDate").and("id"), caseId).list();
    }

    public List<Commitment> list(String unitId, Commitment.Status status, LocalDate dueBefore, int page, int size) {
        return query(unitId, status, dueBefore).page(Page.of(page, size)).list();
    }

    public long count(String unitId, Commitment.Status status, LocalDate dueBefore) {
        return query(unitId, status, dueBefore).count();
    }

    private PanacheQuery<Commitment> query(String unitId, Commitment.Status status, LocalDate dueBefore) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (unitId != null) {
            where.append(" and handlingCase.unitId = :unitId");
            params.and("unitId", unitId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (dueBefore != null) {
            where.append(" and dueDate < :dueBefore");
            params.and("dueBefore", dueBefore);
        }
        return find(where.toString(), Sort.by("dueDate").and("id"), params);
    }
}
