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
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
        if (proposal.status == AssignableProposal.Status.NOT_ASSIGNABLE) {
            throw ApiProblem.conflict("Proposal " + proposal.number + " was not filed, merged or withdrawn");
        }
        Map<String, Object> before = state(proposal);
        proposal.supervisedBy = leaderName.strip();
        proposal.supervisionNote = note == null || note.isBlank() ? null : note.strip();
        proposal.supervisedSince = proposal.supervisedSince == null ? clock.now() : proposal.supervisedSince;
        audit.record("ProposalSupervised", "AssignableProposal", proposal.id, proposal.id, AuditChanges.between(before, state(proposal)));
        events.publish(new ProposalSupervised(proposal.id, proposal.supervisedBy, proposal.supervisionNote, clock.now(), null));
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
        if (assignment.status == AssignmentStatus.ADJUSTED || assignment.repliedAt != null) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " is no longer open: "
                    + (assignment.repliedAt != null ? "the unit has replied" : "it ended with an adjustment"));
        }
        LocalDate today = clock.today();
        SupervisionDirective issued = new SupervisionDirective();
        issued.id = directive.directiveId() != null ? directive.directiveId() : UUID.randomUUID();
        issued.assignmentId = assignment.id;
        issued.proposalId = assignment.proposalId;
        issued.unitId = assignment.unitId;
        issued.type = directive.type();
        issued.note = directive.note().strip();
        issued.issuedAt = clock.now();
        issued.issuedBy = context.actor().id();
        switch (directive.type()) {
            case URGE -> {
                if (directive.dueDate() != null) {
                    throw ApiProblem.invalid("dueDate", "an URGE directive has no due date");
                }
            }
            case PROGRESS_REPORT -> {
                requireDue(directive.dueDate(), today);
                issued.dueDate = directive.dueDate();
            }
            case EARLIER_DEADLINE -> {
                requireDue(directive.dueDate(), today);
                if (!directive.dueDate().isBefore(assignment.replyDue)) {
                    throw ApiProblem.invalid("dueDate", "must be before the current deadline " + assignment.replyDue);
                }
                Map<String, Object> before = AssignmentService.state(assignment);
                issued.dueDate = directive.dueDate();
                issued.previousReplyDue = assignment.replyDue;
                assignment.replyDue = directive.dueDate();
                audit.record("EarlierDeadlineSet", "Assignment", assignment.id, assignment.proposalId,
                        AuditChanges.between(before, AssignmentService.state(assignment)));
            }
        }
        issued.persist();
        audit.record("SupervisionDirectiveIssued", "SupervisionDirective", issued.id, issued.proposalId,
                AuditChanges.created(AuditChanges.state("assignmentId", issued.assignmentId, "unitId", issued.unitId,
                        "type", issued.type, "note", issued.note, "dueDate", issued.dueDate, "previousReplyDue", issued.previousReplyDue)));
        events.publish(new SupervisionDirectiveIssued(issued.id, issued.assignmentId, issued.proposalId, issued.unitId,
                issued.type.name(), issued.note, issued.dueDate, issued.issuedAt));
        return new Issued(issued, true);
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

    private static void requireDue(LocalDate due, LocalDate today) {
        if (due == null) {
            throw ApiProblem.invalid("dueDate", "is required for this directive");
        }
        if (due.isBefore(today)) {
            throw ApiProblem.invalid("dueDate", "must not be in the past");
        }
    }

    private static Map<String, Object> state(AssignableProposal p) {
        return AuditChanges.state("supervisedBy", p.supervisedBy, "supervisionNote", p.supervisionNote,
                "supervisedSince", p.supervisedSince);
    }
}
