package org.proposals.proposal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.proposals.events.EventEnvelope;
import org.proposals.events.NotFiledReason;
import org.proposals.events.ProposalEvent;
import org.proposals.events.ProposalSource;
import org.proposals.events.Proposer;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.evaluation.RehandlingRequested;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.proposal.ProposalClosed;
import org.proposals.events.proposal.ProposalFiled;
import org.proposals.events.proposal.ProposalMerged;
import org.proposals.events.proposal.ProposalNotFiled;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.proposal.ProposalWithdrawn;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.time.CityClock;
import org.proposals.proposal.CoProposer;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalHandling;
import org.proposals.proposal.ProposalNumberFormat;
import org.proposals.proposal.ProposalSession;
import org.proposals.proposal.ProposalStatus;
import org.proposals.proposal.ProposerType;
import org.proposals.proposal.repository.ProposalFilter;
import org.proposals.proposal.repository.ProposalRepository;
import org.proposals.proposal.repository.ProposalSort;
import org.proposals.proposal.repository.SessionRepository;
import org.proposals.proposal.repository.TopicRepository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/** Registration and the committee's decisions on proposals, and their progress as the other services report it. */
@ApplicationScoped
@Transactional
public class ProposalService {

    private static final Logger LOG = Logger.getLogger(ProposalService.class);

    @Inject
    ProposalRepository proposals;

    @Inject
    SessionRepository sessions;

    @Inject
    TopicRepository topics;

    @Inject
    EventPublisher events;

    @Inject
    ProposalTimeline timeline;

    @Inject
    ProposalSearch search;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    // ---- registration

    public Proposal submit(NewProposal registration) {
        return register(registration, false);
    }

    /**
     * Registers a proposal that is filed at once, as the committee office's list of a session holds them: the row is
     * written once, already filed, and the proposal is announced and audited as registered and then filed.
     */
    public Proposal submitFiled(NewProposal registration) {
        return register(registration, true);
    }

    private Proposal register(NewProposal registration, boolean filed) {
        ProposalSession session = sessions.findByIdOptional(registration.sessionId())
                .orElseThrow(() -> ApiProblem.invalid("sessionId", "no session " + registration.sessionId()));
        if (registration.kind() != null && registration.kind() != session.kind) {
            throw ApiProblem.invalid("kind", "session " + session.name + " takes " + session.kind + ", not " + registration.kind());
        }
        OffsetDateTime now = clock.now();
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.session = session;
        proposal.kind = session.kind;
        proposal.submittedOn = registration.submittedOn() == null ? clock.today() : registration.submittedOn();
        if (proposal.submittedOn.isAfter(clock.today())) {
            throw ApiProblem.invalid("submittedOn", "must not be in the future");
        }
        proposal.source = registration.source() != null ? registration.source() : session.sourceOf(proposal.submittedOn);
        apply(proposal, new NewProposal.Correction(registration.title(), registration.content(), registration.proposer(),
                registration.coProposers(), registration.topics(), registration.keywords()));
        proposal.number = numberFor(session, registration.number());
        proposal.importKey = registration.importKey();
        proposal.status = ProposalStatus.SUBMITTED;
        proposal.submittedAt = now;
        proposal.updatedAt = now;
        search.indexNew(proposal);
        Map<String, Object> submitted = state(proposal);
        if (filed) {
            proposal.file(now);
        }
        proposals.persist(proposal);
        audit.record("ProposalSubmitted", "Proposal", proposal.id, proposal.id, AuditChanges.created(submitted));
        publish(new ProposalSubmitted(proposal.id, proposal.kind, proposal.number, proposal.title, leadOf(proposal), now,
                session.id, session.year, proposal.source, coProposersOf(proposal), List.copyOf(proposal.topics)));
        if (filed) {
            audit.record("ProposalFiled", "Proposal", proposal.id, proposal.id, AuditChanges.between(submitted, state(proposal)));
            publish(new ProposalFiled(proposal.id, proposal.number, proposal.updatedAt));
        }
        return proposal;
    }

    /** Corrects a registration before assignment; {@code expectedVersion} is the version the caller edited. */
    public Proposal revise(UUID id, long expectedVersion, NewProposal.Correction correction) {
        Proposal proposal = forUpdate(id, expectedVersion);
        if (!proposal.isEditable()) {
            throw ApiProblem.conflict("Proposal " + proposal.number + " is " + proposal.status
                    + ": its registration can be corrected only before it is assigned");
        }
        Map<String, Object> before = state(proposal);
        apply(proposal, correction);
        proposal.updatedAt = clock.now();
        proposals.flush();
        search.index(proposal);
        audit.record("ProposalRevised", "Proposal", proposal.id, proposal.id, AuditChanges.between(before, state(proposal)));
        publish(new ProposalRevised(proposal.id, proposal.number, proposal.title, leadOf(proposal), coProposersOf(proposal),
                List.copyOf(proposal.topics), proposal.updatedAt));
        return proposal;
    }

    private String numberFor(ProposalSession session, String given) {
        ProposalNumberFormat format = session.format();
        if (given == null || given.isBlank()) {
            return format.format(session, proposals.nextSequence(session.id));
        }
        String number = given.strip();
        OptionalInt sequence = format.sequenceOf(session, number);
        if (sequence.isEmpty()) {
            throw ApiProblem.invalid("number", "'" + number + "' is not a number of session " + session.name
                    + " in its format " + format + " (e.g. " + format.example(session) + ")");
        }
        if (proposals.findByNumber(session.id, number).isPresent()) {
            throw ApiProblem.conflict("Number " + number + " is already used in session " + session.name);
        }
        proposals.reserveSequence(session.id, sequence.getAsInt());
        return number;
    }

    private void apply(Proposal proposal, NewProposal.Correction c) {
        proposal.title = c.title().strip();
        proposal.content = c.content().strip();
        NewProposal.ProposerDetails lead = c.proposer();
        checkProposer("proposer", lead);
        proposal.proposerType = lead.type() == null ? ProposerType.MEMBER : lead.type();
        proposal.proposerGroup = lead.groupKind();
        proposal.proposerId = lead.id().strip();
        proposal.proposerName = lead.name().strip();
        proposal.proposerSector = blankToNull(lead.sector());
        proposal.proposerContact = blankToNull(lead.contact());

        List<CoProposer> co = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(proposal.proposerId));
        List<NewProposal.ProposerDetails> given = c.coProposers() == null ? List.of() : c.coProposers();
        for (int i = 0; i < given.size(); i++) {
            NewProposal.ProposerDetails member = given.get(i);
            if (member.type() == ProposerType.GROUP) {
                throw ApiProblem.invalid("coProposers[" + i + "].type", "co-proposers are members or deputies, not groups");
            }
            if (!seen.add(member.id().strip())) {
                throw ApiProblem.invalid("coProposers[" + i + "].id", member.id() + " is named twice among the proposers");
            }
            co.add(new CoProposer(member.id().strip(), member.name().strip(), blankToNull(member.sector()), blankToNull(member.contact())));
        }
        proposal.coProposers.clear();
        proposal.coProposers.addAll(co);

        // Kept in code order, as the database returns them, so that a proposal reads the same before and after a reload.
        Set<String> codes = new java.util.TreeSet<>(c.topics() == null ? List.of() : c.topics());
        for (String code : codes) {
            boolean usable = topics.findByIdOptional(code).map(t -> t.active).orElse(false);
            if (!usable && !proposal.topics.contains(code)) {
                throw ApiProblem.invalid("topics", "'" + code + "' is not a topic of the taxonomy (GET /api/v1/topics)");
            }
        }
        proposal.topics.clear();
        proposal.topics.addAll(codes);
        proposal.keywords = (c.keywords() == null ? List.<String>of() : c.keywords()).stream()
                .map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    private static void checkProposer(String field, NewProposal.ProposerDetails p) {
        if (p.type() == ProposerType.GROUP && p.groupKind() == null) {
            throw ApiProblem.invalid(field + ".groupKind", "a group proposer is a PARTY, SECTOR or SPECIAL_COMMITTEE");
        }
        if (p.type() != ProposerType.GROUP && p.groupKind() != null) {
            throw ApiProblem.invalid(field + ".groupKind", "only a group proposer has a group kind");
        }
    }

    // ---- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Proposal get(UUID id) {
        return proposals.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Proposal", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Proposal> list(ProposalFilter filter, ProposalSort sort, int page, int size) {
        return proposals.list(filter, sort, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ProposalFilter filter) {
        return proposals.count(filter);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Proposal> mergedInto(UUID id) {
        return proposals.mergedInto(id);
    }

    // ---- the committee's and the proposer's decisions

    public Proposal file(UUID id, long expectedVersion) {
        Proposal proposal = forUpdate(id, expectedVersion);
        Map<String, Object> before = state(proposal);
        proposal.file(clock.now());
        decided("ProposalFiled", proposal, before);
        publish(new ProposalFiled(proposal.id, proposal.number, proposal.updatedAt));
        return proposal;
    }

    public Proposal notFile(UUID id, long expectedVersion, NotFiledReason reason, String note) {
        Proposal proposal = forUpdate(id, expectedVersion);
        Map<String, Object> before = state(proposal);
        proposal.notFile(reason, blankToNull(note), clock.now());
        decided("ProposalNotFiled", proposal, before);
        publish(new ProposalNotFiled(proposal.id, proposal.number, reason, proposal.statusNote, proposal.updatedAt));
        return proposal;
    }

    public Proposal merge(UUID id, long expectedVersion, UUID intoId) {
        // Lock both rows in a fixed order, so that two merges crossing each other cannot deadlock.
        boolean thisFirst = id.compareTo(intoId) < 0;
        Proposal first = proposals.findForUpdate(thisFirst ? id : intoId).orElse(null);
        Proposal second = proposals.findForUpdate(thisFirst ? intoId : id).orElse(null);
        Proposal proposal = thisFirst ? first : second;
        Proposal target = thisFirst ? second : first;
        if (proposal == null) {
            throw ApiProblem.notFound("Proposal", id);
        }
        if (target == null) {
            throw ApiProblem.invalid("intoProposalId", "no proposal " + intoId);
        }
        Versions.require(proposal.version, expectedVersion, "Proposal " + proposal.number);
        Map<String, Object> before = state(proposal);
        proposal.mergeInto(target, clock.now());
        decided("ProposalMerged", proposal, before);
        publish(new ProposalMerged(proposal.id, proposal.number, target.id, target.number, leadOf(proposal), proposal.updatedAt));
        return proposal;
    }

    public Proposal withdraw(UUID id, long expectedVersion, String reason) {
        Proposal proposal = forUpdate(id, expectedVersion);
        Map<String, Object> before = state(proposal);
        proposal.withdraw(blankToNull(reason), clock.now());
        decided("ProposalWithdrawn", proposal, before);
        publish(new ProposalWithdrawn(proposal.id, proposal.number, proposal.statusNote, proposal.updatedAt));
        return proposal;
    }

    public Proposal reopen(UUID id, long expectedVersion, List<String> unitIds, String reason) {
        Proposal proposal = forUpdate(id, expectedVersion);
        Map<String, Object> before = state(proposal);
        List<String> again = proposal.reopen(unitIds, reason.strip(), clock.now());
        reopened(proposal, before, again);
        return proposal;
    }

    /** The reopening decided, recorded and announced, whether the committee or a proposer's rating asked for it. */
    private void reopened(Proposal proposal, Map<String, Object> before, List<String> again) {
        decided("ProposalReopened", proposal, before);
        publish(new ProposalReopened(proposal.id, proposal.number, proposal.handlingRound, again, proposal.statusNote,
                proposal.updatedAt));
    }

    public Proposal close(UUID id, long expectedVersion) {
        Proposal proposal = forUpdate(id, expectedVersion);
        Map<String, Object> before = state(proposal);
        proposal.close(clock.now());
        decided("ProposalClosed", proposal, before);
        publish(new ProposalClosed(proposal.id, proposal.number, proposal.updatedAt));
        return proposal;
    }

    private Proposal forUpdate(UUID id, long expectedVersion) {
        Proposal proposal = proposals.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("Proposal", id));
        Versions.require(proposal.version, expectedVersion, "Proposal " + proposal.number);
        return proposal;
    }

    private void decided(String action, Proposal proposal, Map<String, Object> before) {
        proposals.flush();
        audit.record(action, "Proposal", proposal.id, proposal.id, AuditChanges.between(before, state(proposal)));
    }

    private void publish(ProposalEvent event) {
        EventEnvelope envelope = events.publish(event);
        timeline.record(envelope, event);
    }

    // ---- what the other services report

    /**
     * Applies what another service reports about a proposal. Every such event goes to the proposal's timeline,
     * including types this service does nothing else with; some also move the proposal's handling on.
     */
    public void onHandlingEvent(ProposalEvent event, EventEnvelope envelope) {
        timeline.record(envelope, event);
        if (event instanceof ProposalAssigned assigned) {
            onAssigned(assigned);
        } else if (event instanceof AssignmentSigned signed) {
            onSigned(signed);
        } else if (event instanceof ReplyApproved approved) {
            onReplyApproved(approved);
        } else if (event instanceof SatisfactionRecorded recorded) {
            onSatisfactionRecorded(recorded);
        } else if (event instanceof AssignmentAdjusted adjusted) {
            onAdjusted(adjusted);
        } else if (event instanceof RehandlingRequested requested) {
            onRehandlingRequested(requested);
        }
    }

    /**
     * A proposer rated the unit's reply unsatisfied: the unit handles the proposal again, exactly as if the committee
     * had reopened it for that unit. A request that no longer fits (the unit was reopened already, a repeat of the
     * request, or a proposal in a status it is not reopened from) changes nothing; it stays in the timeline, and the
     * committee may still reopen by hand.
     */
    private void onRehandlingRequested(RehandlingRequested request) {
        Proposal proposal = proposals.findForUpdate(request.proposalId())
                .orElseThrow(() -> new IllegalStateException("unknown proposal " + request.proposalId()));
        Optional<String> refusal = proposal.whyNoRehandling(request.unitId(), request.replyId(), request.round());
        if (refusal.isPresent()) {
            LOG.infof("Re-handling request %s for %s on proposal %s (round %d) changes nothing: %s", request.requestId(),
                    request.unitId(), proposal.number, request.round(), refusal.get());
            return;
        }
        Map<String, Object> before = state(proposal);
        String reason = "rated unsatisfied by " + request.proposerId()
                + (request.reason() == null || request.reason().isBlank() ? "" : ": " + request.reason().strip());
        List<String> again = proposal.reopenForRehandling(request.unitId(), request.round(), reason, clock.now());
        reopened(proposal, before, again);
    }

    private void onAssigned(ProposalAssigned assigned) {
        followHandling(assigned.proposalId(), assigned.unitId(), "ProposalAssignedApplied", h -> {
            h.assignmentId = assigned.assignmentId();
            h.unitName = assigned.unitName();
            h.handlingType = assigned.handlingType();
            h.leadUnitId = assigned.leadUnitId();
            h.assignedAt = assigned.assignedAt();
        });
    }

    /** A unit relieved of the proposal no longer has a part in it; its units in its place come as ProposalAssigned. */
    private void onAdjusted(AssignmentAdjusted adjusted) {
        Proposal proposal = proposals.findForUpdate(adjusted.proposalId())
                .orElseThrow(() -> new IllegalStateException("unknown proposal " + adjusted.proposalId()));
        proposal.handlingBy(adjusted.unitId()).filter(h -> adjusted.assignmentId().equals(h.assignmentId)).ifPresent(h -> {
            Map<String, Object> before = state(proposal, h);
            proposal.handlings.remove(h);
            proposal.refreshStatus(clock.now());
            audit.record("AssignmentAdjustedApplied", "Proposal", proposal.id, proposal.id,
                    AuditChanges.between(before, AuditChanges.state("status", proposal.status)));
        });
    }

    private void onSigned(AssignmentSigned signed) {
        followHandling(signed.proposalId(), signed.unitId(), "AssignmentSignedApplied", h -> {
            h.assignmentId = signed.assignmentId();
            h.signedAt = signed.signedAt();
        });
    }

    private void onReplyApproved(ReplyApproved approved) {
        followHandling(approved.proposalId(), approved.unitId(), "ReplyApprovedApplied", h -> {
            h.assignmentId = approved.assignmentId();
            h.handlingType = approved.handlingType();
            h.replyId = approved.replyId();
            h.resultCategory = approved.resultCategory();
            h.repliedAt = approved.approvedAt();
        });
    }

    private void onSatisfactionRecorded(SatisfactionRecorded recorded) {
        followHandling(recorded.proposalId(), recorded.unitId(), "SatisfactionRecordedApplied", h -> {
            if (h.isRatedBy(recorded.replyId(), recorded.round())) {
                h.rate(recorded.rating(), recorded.recordedAt());
            }
        });
    }

    private void followHandling(UUID proposalId, String unitId, String action, java.util.function.Consumer<ProposalHandling> change) {
        // Events name proposals this service registered; an unknown id is a fault worth dead-lettering.
        Proposal proposal = proposals.findForUpdate(proposalId)
                .orElseThrow(() -> new IllegalStateException("unknown proposal " + proposalId));
        ProposalHandling handling = proposal.handlingByOrNew(unitId);
        Map<String, Object> before = state(proposal, handling);
        change.accept(handling);
        proposal.refreshStatus(clock.now());
        audit.record(action, "Proposal", proposal.id, proposal.id, AuditChanges.between(before, state(proposal, handling)));
    }

    // ---- helpers

    private static Proposer leadOf(Proposal p) {
        return new Proposer(p.proposerId, p.proposerName);
    }

    private static List<Proposer> coProposersOf(Proposal p) {
        return p.coProposers.stream().map(c -> new Proposer(c.personId, c.name)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What the audit trail records of a proposal's registration and decisions. */
    private static Map<String, Object> state(Proposal p) {
        return AuditChanges.state("sessionId", p.session.id, "kind", p.kind, "number", p.number, "source", p.source,
                "title", p.title, "content", p.content,
                "proposerType", p.proposerType, "proposerGroup", p.proposerGroup,
                "proposerId", p.proposerId, "proposerName", p.proposerName,
                "proposerSector", p.proposerSector, "proposerContact", p.proposerContact,
                "coProposers", p.coProposers.stream().map(c -> c.personId + " " + c.name).toList(),
                "topics", List.copyOf(p.topics), "keywords", p.keywords,
                "status", p.status, "notFiledReason", p.notFiledReason, "statusNote", p.statusNote,
                "mergedInto", p.mergedInto == null ? null : p.mergedInto.id, "handlingRound", p.handlingRound,
                "submittedOn", p.submittedOn);
    }

    /** The proposal's status and one unit's part, as the audit trail records their changes: units[miit].replyId ... */
    private static Map<String, Object> state(Proposal p, ProposalHandling h) {
        String unit = "units[" + h.unitId + "].";
        return AuditChanges.state("status", p.status,
                unit + "unitName", h.unitName, unit + "handlingType", h.handlingType, unit + "leadUnitId", h.leadUnitId,
                unit + "assignmentId", h.assignmentId, unit + "assignedAt", h.assignedAt, unit + "signedAt", h.signedAt,
                unit + "replyId", h.replyId, unit + "resultCategory", h.resultCategory, unit + "repliedAt", h.repliedAt,
                unit + "rating", h.rating, unit + "ratedAt", h.ratedAt);
    }
}
