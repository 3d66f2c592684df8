package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.Actor;
import org.proposals.events.reply.ContactConfirmed;
import org.proposals.events.reply.ContactDisputed;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.security.Roles;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.ContactRecord;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.repository.CaseRepository;
import org.proposals.reply.repository.ContactRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The unit's contacts with the proposer (走访调研、座谈交流、电话沟通、面商 ...), which the proposer confirms or disputes,
 * and the contact and face-to-face rates of units computed from them.
 */
@ApplicationScoped
@Transactional
public class ContactService {

    @Inject
    CaseRepository cases;

    @Inject
    ContactRepository contacts;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    /**
     * The case's handler (the named one once the chain is recorded, any handler of the unit until then) or a division
     * head of the unit logs a contact; ContactRecorded announces it. Not in the future, not before the day the case
     * opened, not on a case that ended with an adjustment.
     */
    public ContactRecord record(UUID caseId, Actor by, NewContact contact) {
        HandlingCase handlingCase = cases.findForUpdate(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
        if (!by.hasRole(Roles.DIVISION_HEAD) && !handlingCase.isHandledBy(by.id())) {
            throw ApiProblem.forbidden("only the case's named handler, " + handlingCase.handlerName
                    + ", or a division head logs contacts");
        }
        if (!handlingCase.isLive()) {
            throw ApiProblem.conflict("case " + caseId + " ended with an adjustment: no more contacts are logged on it");
        }
        OffsetDateTime now = clock.now();
        OffsetDateTime contactedAt = contact.contactedAt().truncatedTo(ChronoUnit.MICROS);
        if (contactedAt.isAfter(now)) {
            throw ApiProblem.invalid("contactedAt", "must not be in the future");
        }
        LocalDate opened = handlingCase.openedAt.atZoneSameInstant(clock.zone()).toLocalDate();
        if (contactedAt.atZoneSameInstant(clock.zone()).toLocalDate().isBefore(opened)) {
            throw ApiProblem.invalid("contactedAt", "must not be before the day the case opened, " + opened);
        }
        boolean faceToFace = contact.faceToFace() != null ? contact.faceToFace() : contact.channel().faceToFaceByDefault();
        ContactRecord record = new ContactRecord(handlingCase, contact.channel(), faceToFace, contactedAt,
                contact.participants().stream().map(String::strip).toList(), contact.summary().strip(),
                by.id(), by.name(), now);
        contacts.persist(record);
        audit.record("ContactRecorded", "ContactRecord", record.id, record.proposalId, AuditChanges.created(state(record)));
        events.publish(new ContactRecorded(record.id, record.caseId, record.assignmentId, record.proposalId, record.unitId,
                record.channel.name(), record.faceToFace, record.contactedAt));
        return record;
    }

    /**
     * The case's proposer confirms a contact, or disputes it with a comment; each contact is answered once, and
     * ContactConfirmed or ContactDisputed announces the answer. A disputed contact no longer counts for the unit.
     */
    public ContactRecord answer(UUID caseId, UUID contactId, Actor proposer, boolean confirmed, String comment) {
        String stripped = comment == null || comment.isBlank() ? null : comment.strip();
        if (!confirmed && stripped == null) {
            throw ApiProblem.invalid("comment", "must say what is wrong when disputing a contact");
        }
        ContactRecord record = contacts.findInCaseForUpdate(caseId, contactId)
                .orElseThrow(() -> ApiProblem.notFound("Contact", contactId));
        if (record.answered()) {
            throw ApiProblem.conflict("contact " + contactId + " was already " + record.confirmation + " on " + record.answeredAt);
        }
        OffsetDateTime now = clock.now();
        Map<String, Object> before = state(record);
        record.answer(confirmed, stripped, proposer.id(), now);
        audit.record(confirmed ? "ContactConfirmed" : "ContactDisputed", "ContactRecord", record.id, record.proposalId,
                AuditChanges.between(before, state(record)));
        events.publish(confirmed
                ? new ContactConfirmed(record.id, record.caseId, record.proposalId, record.unitId, stripped, now)
                : new ContactDisputed(record.id, record.caseId, record.proposalId, record.unitId, stripped, now));
        return record;
    }

    /** Every contact logged on a case, newest first: what the reply review checks (a face-to-face one, none disputed ...). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactRecord> contactsOf(UUID caseId) {
        return contacts.ofCase(caseId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactRecord> list(UUID caseId, int page, int size) {
        return contacts.ofCase(caseId, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID caseId) {
        return contacts.countOfCase(caseId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactRecord contact(UUID caseId, UUID contactId) {
        return contacts.findInCase(caseId, contactId).orElseThrow(() -> ApiProblem.notFound("Contact", contactId));
    }

    /**
     * Contact and face-to-face rates per unit, of the live cases replying to the proposer opened between the two city
     * days (inclusive; either may be null). A unit asked for by id is listed even without cases, with null rates.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitContactRate> rates(String unitId, LocalDate from, LocalDate to) {
        List<UnitContactRate> rates = contacts.rates(unitId,
                from == null ? null : from.atStartOfDay(clock.zone()).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.zone()).toOffsetDateTime());
        if (unitId != null && rates.isEmpty()) {
            return List.of(ContactRepository.rate(unitId, null, 0, 0, 0));
        }
        return rates;
    }

    private static Map<String, Object> state(ContactRecord r) {
        return AuditChanges.state("caseId", r.caseId, "assignmentId", r.assignmentId, "proposalId", r.proposalId,
                "unitId", r.unitId, "channel", r.channel, "faceToFace", r.faceToFace, "contactedAt", r.contactedAt,
                "participants", List.copyOf(r.participants), "summary", r.summary, "recordedById", r.recordedById,
                "recordedAt", r.recordedAt, "confirmation", r.confirmation, "proposerComment", r.proposerComment,
                "answeredById", r.answeredById, "answeredAt", r.answeredAt);
    }
}
