package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.proposals.events.Actor;
import org.proposals.events.reply.WorkMeasureRecorded;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.security.Access;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.WorkMeasure;
import org.proposals.reply.WorkMeasureLink;
import org.proposals.reply.repository.WorkMeasureRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The register of work measures a unit's proposals led to (提案转化为实际工作措施). A measure is recorded against
 * live cases of one unit; WorkMeasureRecorded announces each link of a measure to a case, once.
 */
@ApplicationScoped
@Transactional
public class WorkMeasureService {

    @Inject
    WorkMeasureRepository measures;

    @Inject
    EventPublisher events;

    @Inject
    EventContext context;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    /** The measure, if it exists; for other parts of the service that refer to measures. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WorkMeasure> find(UUID measureId) {
        return measures.findByIdOptional(measureId);
    }

    /** Whether the measure stems from the case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isLinkedTo(UUID measureId, UUID caseId) {
        return measures.isLinked(measureId, caseId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkMeasure get(UUID measureId) {
        return find(measureId).orElseThrow(() -> ApiProblem.notFound("Work measure", measureId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkMeasure> list(WorkMeasureRepository.Filter filter, int page, int size) {
        return measures.list(filter, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(WorkMeasureRepository.Filter filter) {
        return measures.count(filter);
    }

    /** The cases each of the measures stems from, by measure id, oldest link first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<WorkMeasureRepository.LinkedCase>> linkedCases(Collection<UUID> measureIds) {
        return measures.linkedCases(measureIds).stream()
                .collect(Collectors.groupingBy(WorkMeasureRepository.LinkedCase::measureId));
    }

    /** The register's lines of a unit (null: every unit) for the measures issued in a year (null: every year). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkMeasureRepository.RegisterLine> register(String unitId, Integer year) {
        return measures.register(unitId, year == null ? null : LocalDate.of(year, 1, 1),
                year == null ? null : LocalDate.of(year, 12, 31));
    }

    /**
     * Records a measure against live cases of the caller's unit; the unit is the cases'. Another unit's case answers
     * 404, an ended case 409.
     */
    public WorkMeasure record(MeasureDetails details, List<UUID> caseIds) {
        MeasureDetails d = checked(details);
        if (caseIds == null || caseIds.isEmpty()) {
            throw ApiProblem.invalid("caseIds", "name at least one case the measure stems from");
        }
        List<HandlingCase> linked = liveCases(caseIds);
        Set<String> units = linked.stream().map(c -> c.unitId).collect(Collectors.toSet());
        if (units.size() > 1) {
            throw ApiProblem.invalid("caseIds", "a measure is recorded against cases of one unit, not of " + units);
        }
        Actor actor = context.actor();
        WorkMeasure measure = new WorkMeasure();
        measure.id = UUID.randomUUID();
        measure.unitId = linked.get(0).unitId;
        apply(measure, d);
        measure.recordedAt = clock.now();
        measure.recordedById = actor.id();
        measure.recordedByName = actor.name();
        measures.persist(measure);
        audit.record("WorkMeasureRecorded", "WorkMeasure", measure.id, null, AuditChanges.created(state(measure)));
        link(measure, linked, measure.recordedAt, actor);
        return measure;
    }

    /** Corrects the measure's details; the caller names the version it corrected (If-Match). Unchanged details change nothing. */
    public WorkMeasure correct(UUID measureId, long expectedVersion, MeasureDetails details) {
        MeasureDetails d = checked(details);
        WorkMeasure measure = visibleForUpdate(measureId);
        Versions.require(measure.version, expectedVersion, "Work measure " + measureId);
        Map<String, Object> before = state(measure);
        apply(measure, d);
        AuditChanges changes = AuditChanges.between(before, state(measure));
        if (changes.isEmpty()) {
            return measure;
        }
        OffsetDateTime now = clock.now();
        measure.correctedAt = now;
        changes.set("correctedAt", before.get("correctedAt"), now);
        audit.record("WorkMeasureCorrected", "WorkMeasure", measure.id, null, changes);
        measures.flush();
        return measure;
    }

    /**
     * Links the measure to further live cases of its unit; cases already linked are left as they are and announced
     * no second time.
     */
    public WorkMeasure linkCases(UUID measureId, List<UUID> caseIds) {
        WorkMeasure measure = visibleForUpdate(measureId);
        Set<UUID> already = new HashSet<>(measures.linkedCaseIds(measureId));
        List<UUID> fresh = caseIds.stream().filter(id -> !already.contains(id)).distinct().toList();
        if (fresh.isEmpty()) {
            return measure;
        }
        List<HandlingCase> linked = liveCases(fresh);
        for (HandlingCase c : linked) {
            if (!c.unitId.equals(measure.unitId)) {
                // a case of another unit is not the measure's business: as if it did not exist
                throw ApiProblem.notFound("Case", c.id);
            }
        }
        link(measure, linked, clock.now(), context.actor());
        // the measure's representation (its cases) changed: so does its ETag
        measures.getEntityManager().lock(measure, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        measures.flush();
        return measure;
    }

    private void link(WorkMeasure measure, List<HandlingCase> cases, OffsetDateTime at, Actor actor) {
        for (HandlingCase c : cases) {
            WorkMeasureLink link = new WorkMeasureLink(measure, c, at, actor.id());
            link.persist();
            audit.record("WorkMeasureLinked", "WorkMeasureLink", measure.id + "/" + c.id, c.proposalId,
                    AuditChanges.created(AuditChanges.state("measureId", link.measureId, "caseId", link.caseId,
                            "proposalId", link.proposalId, "linkedAt", link.linkedAt, "linkedById", link.linkedById)));
            events.publish(new WorkMeasureRecorded(measure.id, c.id, c.proposalId, measure.unitId, measure.kind.name(),
                    measure.title, measure.documentNumber, measure.issuedOn, at));
        }
    }

    /**
     * The cases named, in the order named and each once: all must exist and be the caller's to see (404 otherwise)
     * and still be worked on (409 for an ended case). One query for all of them.
     */
    private List<HandlingCase> liveCases(List<UUID> caseIds) {
        Set<UUID> ids = new LinkedHashSet<>(caseIds);
        Map<UUID, HandlingCase> found = measures.cases(ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Actor actor = context.actor();
        for (UUID id : ids) {
            HandlingCase c = found.get(id);
            if (c == null || !Access.seesUnit(actor, c.unitId)) {
                throw ApiProblem.notFound("Case", id);
            }
        }
        for (UUID id : ids) {
            if (!found.get(id).isLive()) {
                throw ApiProblem.conflict("Case " + id + " ended with its assignment's adjustment; no measure is recorded against it");
            }
        }
        return ids.stream().map(found::get).toList();
    }

    private WorkMeasure visibleForUpdate(UUID measureId) {
        WorkMeasure measure = measures.findForUpdate(measureId)
                .orElseThrow(() -> ApiProblem.notFound("Work measure", measureId));
        if (!Access.seesUnit(context.actor(), measure.unitId)) {
            throw ApiProblem.notFound("Work measure", measureId);
        }
        return measure;
    }

    private MeasureDetails checked(MeasureDetails details) {
        MeasureDetails d = details.normalized();
        LocalDate today = clock.today();
        if (d.issuedOn() != null && d.issuedOn().isAfter(today)) {
            throw ApiProblem.invalid("issuedOn", "must not be in the future (today is " + today + ")");
        }
        return d;
    }

    private static void apply(WorkMeasure measure, MeasureDetails d) {
        measure.kind = d.kind();
        measure.title = d.title();
        measure.documentNumber = d.documentNumber();
        measure.issuedOn = d.issuedOn();
        measure.issuer = d.issuer();
        measure.description = d.description();
    }

    /** What the audit trail records of a measure. */
    private static Map<String, Object> state(WorkMeasure m) {
        return AuditChanges.state("unitId", m.unitId, "kind", m.kind, "title", m.title, "documentNumber", m.documentNumber,
                "issuedOn", m.issuedOn, "issuer", m.issuer, "description", m.description, "recordedAt", m.recordedAt,
                "recordedById", m.recordedById, "recordedByName", m.recordedByName, "correctedAt", m.correctedAt);
    }
}
