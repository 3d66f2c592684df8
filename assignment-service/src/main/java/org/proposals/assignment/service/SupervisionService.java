package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.proposals.assignment.AssignableProposal;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.ReceivedDirective;
import org.proposals.assignment.SupervisionDirective;
import org.proposals.assignment.repository.AssignableProposalRepository;
import org.proposals.assignment.repository.AssignmentRepository;
import org.jboss.logging.Logger;
import org.proposals.events.Actor;
import org.proposals.events.MalformedEventException;
import org.proposals.events.assignment.ProgressReportSubmitted;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.events.assignment.SupervisionDirectiveRejected;
import org.proposals.events.supervision.SupervisionDirectiveReceived;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Supervision: key proposals supervised by a named city leader, and the supervision office's directives to
 * units (urge, ask for a progress report, set an earlier deadline), each announced to the unit by an event;
 * the supervision system's directives arrive through the supervision adapter as events.
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

    private static final Logger LOG = Logger.getLogger(SupervisionService.class);

    /** The supervision system's directive that marks a key proposal; the others are {@link SupervisionDirective.Type}s. */
    static final String MARK_KEY = "MARK_KEY";

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

    /**
     * A directive of the supervision system, through the supervision adapter (SupervisionDirectiveReceived). MARK_KEY
     * marks the proposal key; the others are issued, under the same directive id, on the unit's assignment of the
     * proposal, by the rules of the API. Nobody is there to answer 400, 404 or 409, so a directive that cannot be
     * applied is rejected with the refusal as its reason (SupervisionDirectiveRejected). The outcome is kept either
     * way: the directive received again, whatever event brings it, changes nothing and publishes nothing.
     */
    public void onDirectiveReceived(SupervisionDirectiveReceived received) {
        if (received.directiveId() == null || received.proposalId() == null || received.type() == null) {
            throw new MalformedEventException("SupervisionDirectiveReceived lacks directiveId, proposalId or type");
        }
        if (ReceivedDirective.findByIdOptional(received.directiveId()).isPresent()) {
            LOG.infof("Directive %s was received before; SupervisionDirectiveReceived ignored", received.directiveId());
            return;
        }
        ReceivedDirective record = new ReceivedDirective();
        record.directiveId = received.directiveId();
        record.externalId = received.externalId();
        record.type = clip(received.type(), 50);
        record.proposalId = received.proposalId();
        record.unitId = clip(received.unitId(), 100);
        record.receivedAt = received.receivedAt();
        String reason = apply(received, record);
        record.outcome = reason == null ? ReceivedDirective.Outcome.APPLIED : ReceivedDirective.Outcome.REJECTED;
        record.reason = clip(reason, MAX_NOTE);
        record.decidedAt = clock.now();
        record.persist();
        audit.record(reason == null ? "SupervisionDirectiveReceivedApplied" : "SupervisionDirectiveRejected", "ReceivedDirective",
                record.directiveId, record.proposalId, AuditChanges.created(AuditChanges.state("externalId", record.externalId,
                        "type", record.type, "unitId", record.unitId, "assignmentId", record.assignmentId,
                        "outcome", record.outcome, "reason", record.reason)));
        if (reason != null) {
            LOG.infof("Directive %s (%s) rejected: %s", record.directiveId, record.type, reason);
            events.publish(new SupervisionDirectiveRejected(record.directiveId, record.proposalId, received.unitId(),
                    record.reason, record.decidedAt));
        }
    }

    /** Applies the directive and returns null, or returns why it cannot be applied, having changed nothing. */
    private String apply(SupervisionDirectiveReceived received, ReceivedDirective record) {
        if (MARK_KEY.equals(received.type())) {
            Optional<AssignableProposal> proposal = proposals.findForUpdate(received.proposalId());
            if (proposal.isEmpty()) {
                return ApiProblem.notFound("Proposal", received.proposalId()).getMessage();
            }
            ApiProblem refusal = keyRefusal(proposal.get(), received.leaderName(), received.note());
            if (refusal != null) {
                return refusal.getMessage();
            }
            supervise(proposal.get(), received.leaderName(), received.note(), received.directiveId());
            return null;
        }
        Optional<SupervisionDirective.Type> type = Arrays.stream(SupervisionDirective.Type.values())
                .filter(t -> t.name().equals(received.type())).findFirst();
        if (type.isEmpty()) {
            return "type: " + received.type() + " is not a directive (" + MARK_KEY + ", "
                    + Arrays.stream(SupervisionDirective.Type.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")";
        }
        Optional<AssignableProposal> proposal = proposals.findByIdOptional(received.proposalId());
        if (proposal.isEmpty()) {
            return ApiProblem.notFound("Proposal", received.proposalId()).getMessage();
        }
        if (proposal.get().status == AssignableProposal.Status.NOT_ASSIGNABLE) {
            return "Proposal " + proposal.get().number + " was not filed, merged or withdrawn";
        }
        if (received.unitId() == null || received.unitId().isBlank()) {
            return "unitId: names the unit a " + type.get() + " directive is for";
        }
        Optional<Assignment> assignment = assignments.currentOfUnitForUpdate(received.proposalId(), received.unitId());
        if (assignment.isEmpty()) {
            return "Unit " + received.unitId() + " does not handle proposal " + proposal.get().number;
        }
        record.assignmentId = assignment.get().id;
        Optional<SupervisionDirective> earlier = SupervisionDirective.findByIdOptional(received.directiveId());
        if (earlier.isPresent()) {
            // issued over the API under the same id: it stands, and its SupervisionDirectiveIssued went out then
            return earlier.get().assignmentId.equals(assignment.get().id) ? null
                    : "Directive " + received.directiveId() + " was issued for another assignment";
        }
        NewDirective directive = new NewDirective(received.directiveId(), type.get(), received.note(), received.dueDate());
        ApiProblem refusal = refusal(assignment.get(), directive);
        if (refusal != null) {
            return refusal.getMessage();
        }
        create(assignment.get(), directive);
        return null;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * The unit reports its progress on the assignment, as a PROGRESS_REPORT directive asked: once, late after the
     * directive's due date (ProgressReportSubmitted).
     */
    public SupervisionDirective reportProgress(UUID assignmentId, UUID directiveId, String progress) {
        SupervisionDirective directive = SupervisionDirective.<SupervisionDirective>findByIdOptional(directiveId, LockModeType.PESSIMISTIC_WRITE)
                .filter(d -> d.assignmentId.equals(assignmentId))
                .orElseThrow(() -> ApiProblem.notFound("Directive", directiveId));
        if (directive.type != SupervisionDirective.Type.PROGRESS_REPORT) {
            throw ApiProblem.conflict("Directive " + directiveId + " is " + directive.type
                    + "; only a PROGRESS_REPORT directive takes a progress report");
        }
        if (directive.progressSubmittedAt != null) {
            throw ApiProblem.conflict("The progress on directive " + directiveId + " was reported at " + directive.progressSubmittedAt);
        }
        Map<String, Object> before = progressState(directive);
        directive.progress = progress.strip();
        directive.progressSubmittedAt = clock.now();
        directive.progressSubmittedBy = Objects.requireNonNullElse(context.actor().id(), Actor.SYSTEM.id());
        directive.progressLate = clock.today().isAfter(directive.dueDate);
        audit.record("ProgressReportSubmitted", "SupervisionDirective", directive.id, directive.proposalId,
                AuditChanges.between(before, progressState(directive)));
        events.publish(new ProgressReportSubmitted(directive.id, directive.assignmentId, directive.proposalId, directive.unitId,
                directive.progress, directive.dueDate, directive.progressSubmittedAt, directive.progressLate));
        return directive;
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

    private static Map<String, Object> progressState(SupervisionDirective d) {
        return AuditChanges.state("progress", d.progress, "progressSubmittedAt", d.progressSubmittedAt,
                "progressSubmittedBy", d.progressSubmittedBy, "progressLate", d.progressLate);
    }

    private static Map<String, Object> state(AssignableProposal p) {
        return AuditChanges.state("supervisedBy", p.supervisedBy, "supervisionNote", p.supervisionNote,
                "supervisedSince", p.supervisedSince);
    }
}
