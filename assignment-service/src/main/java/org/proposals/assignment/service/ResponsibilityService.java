package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.Division;
import org.proposals.assignment.Person;
import org.proposals.assignment.repository.AssignmentRepository;
import org.proposals.assignment.repository.DivisionRepository;
import org.proposals.assignment.repository.PersonRepository;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Problem;
import org.proposals.kit.time.CityClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The unit's internal division of labour for an assignment: the responsible division and the four levels of
 * the responsibility chain by name, each an active person of the unit in the matching position.
 */
@ApplicationScoped
@Transactional
public class ResponsibilityService {

    /** Who the office names; each is a person id of the unit's master data. */
    public record Chain(String divisionId, String bureauHeadId, String deputyHeadId, String divisionHeadId, String handlerId) {
    }

    @Inject
    AssignmentRepository assignments;

    @Inject
    PersonRepository people;

    @Inject
    DivisionRepository divisions;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    public Assignment assign(UUID assignmentId, Chain chain) {
        Assignment assignment = assignments.findForUpdate(assignmentId)
                .orElseThrow(() -> ApiProblem.notFound("Assignment", assignmentId));
        if (assignment.status == AssignmentStatus.ADJUSTED) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " ended with the unit's adjustment request");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Division division = divisions.findByIdOptional(chain.divisionId()).orElse(null);
        if (division == null || !division.unitId.equals(assignment.unitId) || !division.active) {
            errors.add(new Problem.FieldError("divisionId", "no active division " + chain.divisionId() + " in unit " + assignment.unitId));
        }
        Person bureauHead = person(errors, "bureauHeadId", chain.bureauHeadId(), Person.Position.BUREAU_HEAD, assignment, null);
        Person deputyHead = person(errors, "deputyHeadId", chain.deputyHeadId(), Person.Position.DEPUTY_HEAD, assignment, null);
        Person divisionHead = person(errors, "divisionHeadId", chain.divisionHeadId(), Person.Position.DIVISION_HEAD, assignment, chain.divisionId());
        Person handler = person(errors, "handlerId", chain.handlerId(), Person.Position.HANDLER, assignment, chain.divisionId());
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, ApiProblem.TYPE_BASE + "invalid-request", "Invalid request",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                            : errors.size() + " people or the division do not fit the chain", errors);
        }
        Map<String, Object> before = AssignmentService.state(assignment);
        assignment.divisionId = division.id;
        assignment.bureauHeadId = bureauHead.id;
        assignment.deputyHeadId = deputyHead.id;
        assignment.divisionHeadId = divisionHead.id;
        assignment.handlerId = handler.id;
        assignment.responsibilityAssignedAt = clock.now();
        audit.record("ResponsibilityAssigned", "Assignment", assignment.id, assignment.proposalId,
                AuditChanges.between(before, AssignmentService.state(assignment)));
        events.publish(new ResponsibilityAssigned(assignment.id, assignment.proposalId, assignment.unitId, division.id, division.name,
                named(bureauHead), named(deputyHead), named(divisionHead), named(handler), assignment.responsibilityAssignedAt));
        return assignment;
    }

    /** The person, if active in the assignment's unit in that position (and in that division, for the two lower levels). */
    private Person person(List<Problem.FieldError> errors, String field, String id, Person.Position position,
                          Assignment assignment, String divisionId) {
        Person person = people.findByIdOptional(id).orElse(null);
        String wanted = position.label + " (" + position + ") of unit " + assignment.unitId
                + (divisionId == null ? "" : " in division " + divisionId);
        if (person == null || !person.active || !person.unitId.equals(assignment.unitId) || person.position != position
                || (divisionId != null && !divisionId.equals(person.divisionId))) {
            errors.add(new Problem.FieldError(field, id + " is not an active " + wanted));
            return null;
        }
        return person;
    }

    private static ResponsibilityAssigned.Person named(Person p) {
        return new ResponsibilityAssigned.Person(p.id, p.name);
    }
}
