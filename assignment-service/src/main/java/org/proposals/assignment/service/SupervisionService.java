package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.AssignableProposal;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.SupervisionDirective;
import org.proposals.assignment.repository.AssignableProposalRepository;
import org.proposals.assignment.repository.AssignmentRepository;
import org.proposals.events.Actor;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Supervision: key proposals supervised by a named city leader, and the supervision office's directives to
 * units (urge, ask for a progress report, set an earlier deadline), each announced to the unit by an event.
 */
@ApplicationScoped
@Transactional
public class SupervisionService {

    /** A directive as issued; {@code directiveId} is the supervision system's own id, or null for a new one. */
    public record NewDirective(UUID directiveId, SupervisionDirective.Type type, String note, LocalDate dueDate) {
    }

    /** The directive, and whether this call issued it (false: the same directive id was issued before). */
    public record Issued(SupervisionDirective directive, boolean created) {
    }

    /** As the API's bodies allow. */
    static final int MAX_LEADER_NAME = 200;
    static final int MAX_NOTE = 2000;

    @Inject
    AssignableProposalRepository proposals;

    @Inject
    AssignmentRepository assignments;

    @Inject
    EventPublisher events;

    @Inject
    EventContext context;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    public AssignableProposal markKey(UUID proposalId, String leaderName, String note) {
        AssignableProposal proposal = proposals.findForUpdate(proposalId)
                .orElseThrow(() -> ApiProblem.notFound("Proposal", proposalId));
        ApiProblem refusal = keyRefusal(proposal, leaderName, note);
        if (refusal != null) {
            throw refusal;
        }
        return supervise(proposal, leaderName, note, null);
    }

    /**
     * Why the proposal cannot be marked key with this leader and note, or null when it can. Returned rather than
     * thrown, so that a directive from the supervision system is rejected in a transaction that still commits.
     */
    ApiProblem keyRefusal(AssignableProposal proposal, String leaderName, String note) {
        if (proposal.status == AssignableProposal.Status.NOT_ASSIGNABLE) {
            return ApiProblem.conflict("Proposal " + proposal.number + " was not filed, merged or withdrawn");
        }
        if (leaderName == null || leaderName.isBlank()) {
            return ApiProblem.invalid("leaderName", "names the city leader who supervises the proposal");
        }
        if (leaderName.strip().length() > MAX_LEADER_NAME) {
            return ApiProblem.invalid("leaderName", "at most " + MAX_LEADER_NAME + " characters");
        }
        if (note != null && note.strip().length() > MAX_NOTE) {
            return ApiProblem.invalid("note", "at most " + MAX_NOTE + " characters");
        }
        return null;
    }

    /** Marks the proposal key; {@code directiveId} names the supervision system's directive that asked for it, if one did. */
    AssignableProposal supervise(AssignableProposal proposal, String leaderName, String note, UUID directiveId) {
        Map<String, Object> before = state(proposal);
        proposal.supervisedBy = leaderName.strip();
        proposal.supervisionNote = note == null || note.isBlank() ? null : note.strip();
        proposal.supervisedSince = proposal.supervisedSince == null ? clock.now() : proposal.supervisedSince;
        audit.record("ProposalSupervised", "AssignableProposal", proposal.id, proposal.id, AuditChanges.between(before, state(proposal)));
        events.publish(new ProposalSupervised(proposal.id, proposal.supervisedBy, proposal.supervisionNote, clock.now(), directiveId));
        return proposal;
    }

    public Issued issue(UUID assignmentId, NewDirective directive) {
        if (directive.directiveId() != null) {
            Optional<SupervisionDirective> earlier = SupervisionDirective.findByIdOptional(directive.directiveId());
            if (earlier.isPresent()) {
                if (!earlier.get().assignmentId.equals(assignmentId)) {
                    throw ApiProblem.conflict("Directive " + directive.directiveId() + " was issued for another assignment");
                }
                return new Issued(earlier.get(), false);
            }
        }
        Assignment assignment = assignments.findForUpdate(assignmentId)
                .orElseThrow(() -> ApiProblem.notFound("Assignment", assignmentId));
        ApiProblem refusal = refusal(assignment, directive);
        if (refusal != null) {
            throw refusal;
        }
        return new Issued(create(assignment, directive), true);
    }

    /**
     * Why the directive cannot be issued on the assignment, or null when it can: the assignment ended or the unit
     * replied, or the due date is missing, in the past, or (for an earlier deadline) not before the current deadline.
     * Returned rather than thrown, like {@link #keyRefusal}.
     */
    ApiProblem refusal(Assignment assignment, NewDirective directive) {
        if (assignment.status == AssignmentStatus.ADJUSTED || assignment.repliedAt != null) {
            return ApiProblem.conflict("Assignment " + assignment.id + " is no longer open: "
                    + (assignment.repliedAt != null ? "the unit has replied" : "it ended with an adjustment"));
        }
        if (directive.note() == null || directive.note().isBlank()) {
            return ApiProblem.invalid("note", "tells the unit what the directive asks");
        }
        if (directive.note().strip().length() > MAX_NOTE) {
            return ApiProblem.invalid("note", "at most " + MAX_NOTE + " characters");
        }
        LocalDate due = directive.dueDate();
        return switch (directive.type()) {
            case URGE -> due != null ? ApiProblem.invalid("dueDate", "an URGE directive has no due date") : null;
            case PROGRESS_REPORT -> dueProblem(due, clock.today());
            case EARLIER_DEADLINE -> {
                ApiProblem problem = dueProblem(due, clock.today());
                if (problem == null && !due.isBefore(assignment.replyDue)) {
                    problem = ApiProblem.invalid("dueDate", "must be before the current deadline " + assignment.replyDue);
                }
                yield problem;
            }
        };
    }

    /** Issues a directive that passed {@link #refusal}; an earlier deadline replaces the reply deadline. */
    SupervisionDirective create(Assignment assignment, NewDirective directive) {
        SupervisionDirective issued = new SupervisionDirective();
        issued.id = directive.directiveId() != null ? directive.directiveId() : UUID.randomUUID();
        issued.assignmentId = assignment.id;
        issued.proposalId = assignment.proposalId;
        issued.unitId = assignment.unitId;
        issued.type = directive.type();
        issued.note = directive.note().strip();
        issued.issuedAt = clock.now();
        issued.issuedBy = Objects.requireNonNullElse(context.actor().id(), Actor.SYSTEM.id());
        if (directive.type() != SupervisionDirective.Type.URGE) {
            issued.dueDate = directive.dueDate();
        }
        if (directive.type() == SupervisionDirective.Type.EARLIER_DEADLINE) {
            Map<String, Object> before = AssignmentService.state(assignment);
            issued.previousReplyDue = assignment.replyDue;
            assignment.replyDue = directive.dueDate();
            audit.record("EarlierDeadlineSet", "Assignment", assignment.id, assignment.proposalId,
                    AuditChanges.between(before, AssignmentService.state(assignment)));
        }
        issued.persist();
        audit.record("SupervisionDirectiveIssued", "SupervisionDirective", issued.id, issued.proposalId,
                AuditChanges.created(AuditChanges.state("assignmentId", issued.assignmentId, "unitId", issued.unitId,
                        "type", issued.type, "note", issued.note, "dueDate", issued.dueDate, "previousReplyDue", issued.previousReplyDue)));
        events.publish(new SupervisionDirectiveIssued(issued.id, issued.assignmentId, issued.proposalId, issued.unitId,
                issued.type.name(), issued.note, issued.dueDate, issued.issuedAt));
        return issued;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupervisionDirective> directives(UUID assignmentId) {
        return SupervisionDirective.list("assignmentId = ?1 order by issuedAt", assignmentId);
    }

    /** Key proposals, most recently marked first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public io.quarkus.hibernate.orm.panache.PanacheQuery<AssignableProposal> keyProposals() {
        return proposals.find("supervisedBy is not null", io.quarkus.panache.common.Sort.descending("supervisedSince"));
    }

    private static ApiProblem dueProblem(LocalDate due, LocalDate today) {
        if (due == null) {
            return ApiProblem.invalid("dueDate", "is required for this directive");
        }
        if (due.isBefore(today)) {
            return ApiProblem.invalid("dueDate", "must not be in the past");
        }
        return null;
    }

    private static Map<String, Object> state(AssignableProposal p) {
        return AuditChanges.state("supervisedBy", p.supervisedBy, "supervisionNote", p.supervisionNote,
                "supervisedSince", p.supervisedSince);
    }
}
