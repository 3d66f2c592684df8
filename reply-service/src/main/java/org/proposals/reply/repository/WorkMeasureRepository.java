package org.proposals.reply.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.MeasureKind;
import org.proposals.reply.WorkMeasure;
import org.proposals.reply.WorkMeasureLink;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Work measures and the cases they stem from; every read of several measures is one query, whatever their number. */
@ApplicationScoped
public class WorkMeasureRepository implements PanacheRepositoryBase<WorkMeasure, UUID> {

    /** Which measures a list holds; null fields do not filter. {@code from} and {@code to} bound the issue date, inclusive. */
    public record Filter(String unitId, UUID proposalId, UUID caseId, MeasureKind kind, LocalDate from, LocalDate to) {
    }

    /** A case a measure stems from, with the proposal's title as the case file has it. */
    public record LinkedCase(UUID measureId, UUID caseId, UUID proposalId, String proposalTitle, String unitId,
                             OffsetDateTime linkedAt) {
    }

    /** One line of the register: a proposal of a unit and one measure it led to. */
    public record RegisterLine(UUID proposalId, String proposalTitle, WorkMeasure measure) {
    }

    /** The measure with its row locked until the transaction ends: corrections and new links happen one at a time. */
    public Optional<WorkMeasure> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The case files with these ids that exist, in one query. */
    public List<HandlingCase> cases(Collection<UUID> caseIds) {
        return getEntityManager().createQuery("from HandlingCase c where c.id in :ids", HandlingCase.class)
                .setParameter("ids", caseIds)
                .getResultList();
    }

    public boolean isLinked(UUID measureId, UUID caseId) {
        return WorkMeasureLink.count("measureId = ?1 and caseId = ?2", measureId, caseId) > 0;
    }

    /** The ids of the cases already linked to the measure. */
    public List<UUID> linkedCaseIds(UUID measureId) {
        return getEntityManager().createQuery("select l.caseId from WorkMeasureLink l where l.measureId = :m", UUID.class)
                .setParameter("m", measureId)
                .getResultList();
    }

    /** The cases the measures stem from, oldest link first, in one query. */
    public List<LinkedCase> linkedCases(Collection<UUID> measureIds) {
        if (measureIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select new org.proposals.reply.repository.WorkMeasureRepository$LinkedCase(
                            l.measureId, l.caseId, l.proposalId, c.proposalTitle, c.unitId, l.linkedAt)
                        from WorkMeasureLink l join HandlingCase c on c.id = l.caseId
                        where l.measureId in :ids
                        order by l.linkedAt, l.caseId""", LinkedCase.class)
                .setParameter("ids", measureIds)
                .getResultList();
    }

    public List<WorkMeasure> list(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    /**
     * The register of a unit (or of every unit, for a null unit): each proposal with the measures it led to that were
     * issued in the period, proposals in the order their cases were opened, measures by issue date; one query.
     */
    public List<RegisterLine> register(String unitId, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (unitId != null) {
            where.append(" and m.unitId = :unitId");
            params.and("unitId", unitId);
        }
        if (from != null) {
            where.append(" and m.issuedOn >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and m.issuedOn <= :to");
            params.and("to", to);
        }
        var query = getEntityManager().createQuery("""
                select new org.proposals.reply.repository.WorkMeasureRepository$RegisterLine(l.proposalId, c.proposalTitle, m)
                from WorkMeasureLink l
                join HandlingCase c on c.id = l.caseId
                join WorkMeasure m on m.id = l.measureId
                where %s
                order by c.openedAt, l.proposalId, m.issuedOn, m.title, m.id""".formatted(where), RegisterLine.class);
        params.map().forEach(query::setParameter);
        return query.getResultList();
    }

    private PanacheQuery<WorkMeasure> query(Filter filter) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("from WorkMeasure m where 1 = 1");
        if (filter.unitId() != null) {
            where.append(" and m.unitId = :unitId");
            params.and("unitId", filter.unitId());
        }
        if (filter.kind() != null) {
            where.append(" and m.kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.from() != null) {
            where.append(" and m.issuedOn >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and m.issuedOn <= :to");
            params.and("to", filter.to());
        }
        if (filter.proposalId() != null) {
            where.append(" and exists (select 1 from WorkMeasureLink l where l.measureId = m.id and l.proposalId = :proposalId)");
            params.and("proposalId", filter.proposalId());
        }
        if (filter.caseId() != null) {
            where.append(" and exists (select 1 from WorkMeasureLink l where l.measureId = m.id and l.caseId = :caseId)");
            params.and("caseId", filter.caseId());
        }
        return find(where.toString(), Sort.descending("m.issuedOn").and("m.recordedAt", Sort.Direction.Descending).and("m.id"), params);
    }
}
