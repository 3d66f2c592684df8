package org.proposals.proposal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.ProposalKind;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.time.CityClock;
import org.proposals.proposal.ProposalNumberFormat;
import org.proposals.proposal.ProposalSession;
import org.proposals.proposal.repository.SessionRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The committee's sessions, under which proposals are registered and numbered. */
@ApplicationScoped
@Transactional
public class SessionService {

    /** What the committee says about a session; the number format may change only while no proposal uses it. */
    public record SessionDetails(ProposalKind kind, int term, int sessionNumber, int year, String name,
                                 LocalDate plenaryStart, LocalDate plenaryEnd, String numberFormat) {
    }

    @Inject
    SessionRepository sessions;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    public ProposalSession create(SessionDetails details) {
        check(details);
        sessions.find(details.kind(), details.term(), details.sessionNumber()).ifPresent(existing -> {
            throw ApiProblem.conflict("Session " + existing.name + " already exists as " + existing.id);
        });
        OffsetDateTime now = clock.now();
        ProposalSession session = new ProposalSession();
        session.id = UUID.randomUUID();
        apply(session, details);
        session.createdAt = now;
        session.updatedAt = now;
        sessions.persist(session);
        audit.record("SessionCreated", "Session", session.id, null, AuditChanges.created(state(session)));
        return session;
    }

    public ProposalSession update(UUID id, long expectedVersion, SessionDetails details) {
        check(details);
        ProposalSession session = sessions.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("Session", id));
        Versions.require(session.version, expectedVersion, "Session " + session.name);
        if (details.kind() != session.kind) {
            throw ApiProblem.invalid("kind", "a session's kind cannot change");
        }
        boolean numbered = sessions.hasProposals(id);
        if (numbered && !details.numberFormat().equals(session.numberFormat)) {
            throw ApiProblem.conflict("Session " + session.name + " already numbers proposals in the format "
                    + session.numberFormat + "; it cannot change");
        }
        if (numbered && details.year() != session.year) {
            throw ApiProblem.conflict("Session " + session.name + " already has proposals; its year cannot change");
        }
        sessions.find(details.kind(), details.term(), details.sessionNumber())
                .filter(other -> !other.id.equals(id))
                .ifPresent(other -> {
                    throw ApiProblem.conflict("Session " + other.name + " already has that term and number");
                });
        Map<String, Object> before = state(session);
        apply(session, details);
        session.updatedAt = clock.now();
        sessions.flush();
        audit.record("SessionUpdated", "Session", session.id, null, AuditChanges.between(before, state(session)));
        return session;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProposalSession get(UUID id) {
        return sessions.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Session", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProposalSession> list(ProposalKind kind, Integer year) {
        return sessions.list(kind, year);
    }

    private static void check(SessionDetails d) {
        if (d.plenaryEnd().isBefore(d.plenaryStart())) {
            throw ApiProblem.invalid("plenaryEnd", "must not be before plenaryStart");
        }
        if (d.plenaryStart().getYear() != d.year()) {
            throw ApiProblem.invalid("plenaryStart", "must fall in the session's year " + d.year());
        }
        try {
            ProposalNumberFormat.parse(d.numberFormat());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("numberFormat", e.getMessage());
        }
    }

    private static void apply(ProposalSession s, SessionDetails d) {
        s.kind = d.kind();
        s.term = d.term();
        s.sessionNumber = d.sessionNumber();
        s.year = d.year();
        s.name = d.name().strip();
        s.plenaryStart = d.plenaryStart();
        s.plenaryEnd = d.plenaryEnd();
        s.numberFormat = d.numberFormat();
    }

    private static Map<String, Object> state(ProposalSession s) {
        return AuditChanges.state("kind", s.kind, "term", s.term, "sessionNumber", s.sessionNumber, "year", s.year,
                "name", s.name, "plenaryStart", s.plenaryStart, "plenaryEnd", s.plenaryEnd, "numberFormat", s.numberFormat);
    }
}
