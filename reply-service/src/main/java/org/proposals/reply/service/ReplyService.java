package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.Actor;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.events.reply.ReplyReturned;
import org.proposals.events.reply.ReplySubmittedForReview;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Versions;
import org.proposals.kit.security.Roles;
import org.proposals.kit.time.CityClock;
import org.proposals.kit.time.WorkingCalendar;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.Commitment;
import org.proposals.reply.Disclosure;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.MergedProposal;
import org.proposals.reply.Reply;
import org.proposals.reply.ReplyConsultation;
import org.proposals.reply.ReplyContent;
import org.proposals.reply.ReplyPurpose;
import org.proposals.reply.ReplyReview;
import org.proposals.reply.ReplyStatus;
import org.proposals.reply.ReviewLevel;
import org.proposals.reply.repository.CaseRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A unit's reply from the handler's first draft to the proposer's hands: versions, the quality gate, the review
 * chain (division head → deputy head in charge → bureau head for key proposals), consultation with the proposer,
 * the formal reply and its delivery. Only units that reply to the proposer (sole, lead, split) write replies.
 */
@ApplicationScoped
@Transactional
public class ReplyService {

    /** How the unit may have heard the proposer's answer to a consultation when it records it for them. */
    public static final Set<String> ANSWER_CHANNELS = Set.of("PHONE", "VISIT", "FACE_TO_FACE", "LETTER", "EMAIL");
    public static final Set<String> DELIVERY_CHANNELS = Set.of("POST", "EMAIL", "IN_PERSON", "PLATFORM");

    @Inject
    CaseRepository cases;

    @Inject
    ReplyQualityGate gate;

    @Inject
    OpinionService opinions;

    @Inject
    ReplyConfig config;

    @Inject
    EventPublisher events;

    @Inject
    EventContext context;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    @Inject
    WorkingCalendar calendar;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reply get(UUID caseId, UUID replyId) {
        HandlingCase handlingCase = cases.findByIdOptional(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
        return handlingCase.reply(replyId).orElseThrow(() -> ApiProblem.notFound("Reply", replyId));
    }

    /**
     * The handler starts the unit's reply for the current round: the first reply, a re-handling reply after the
     * case was reopened, or the second reply once a promised measure is done.
     */
    public Reply draft(UUID caseId, ReplyContent content) {
        HandlingCase handlingCase = locked(caseId);
        requireHandler(handlingCase);
        requireReplyingUnit(handlingCase);
        handlingCase.replyInTheWorks().ifPresent(r -> {
            throw ApiProblem.conflict("case " + caseId + " already has reply " + r.id + " in the works (" + r.status
                    + "): revise that one");
        });
        ReplyPurpose purpose = switch (handlingCase.status) {
            case OPEN -> handlingCase.handlingRound > 1 ? ReplyPurpose.REHANDLING : ReplyPurpose.INITIAL;
            case FOLLOW_UP_DUE -> ReplyPurpose.FOLLOW_UP;
            case REPLIED -> throw ApiProblem.conflict("the formal reply of round " + handlingCase.handlingRound
                    + " is approved; a new reply is due only when a promised measure is done or the proposal is reopened");
            default -> throw ApiProblem.conflict("case " + caseId + " is " + handlingCase.status);
        };
        checkOpinionsNamed(handlingCase, content);
        Actor actor = context.actor();
        OffsetDateTime now = clock.now();
        Reply reply = handlingCase.startReply(purpose, now);
        reply.write(content, now, actor.id(), actor.name());
        audit.record("ReplyDrafted", "Reply", reply.id, handlingCase.proposalId, AuditChanges.created(state(reply)));
        return flushed(reply);
    }

    /** The handler revises the reply (after a return, review or the proposer's comments): a new version, a draft again. */
    public Reply revise(UUID caseId, UUID replyId, long expectedVersion, ReplyContent content) {
        HandlingCase handlingCase = locked(caseId);
        Reply reply = replyOf(handlingCase, replyId);
        Versions.require(reply.version, expectedVersion, "Reply " + replyId);
        requireHandler(handlingCase);
        requireStatus(reply, ReplyStatus.REVISABLE, "revised");
        checkOpinionsNamed(handlingCase, content);
        Map<String, Object> before = state(reply);
        Actor actor = context.actor();
        reply.write(content, clock.now(), actor.id(), actor.name());
        audit.record("ReplyRevised", "Reply", reply.id, handlingCase.proposalId, AuditChanges.between(before, state(reply)));
        return flushed(reply);
    }

    /** The quality rules as the current version stands, passed or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QualityCheck> quality(UUID caseId, UUID replyId) {
        Reply reply = get(caseId, replyId);
        return gate.check(reply.handlingCase, reply.current().content());
    }

    /** The handler sends the current version up the chain; it must pass the quality gate and the chain must be named. */
    public Reply submit(UUID caseId, UUID replyId) {
        HandlingCase handlingCase = locked(caseId);
        Reply reply = replyOf(handlingCase, replyId);
        requireHandler(handlingCase);
        requireStatus(reply, EnumSet.of(ReplyStatus.DRAFT, ReplyStatus.RETURNED), "submitted for review");
        requireChain(handlingCase);
        List<QualityCheck> failed = gate.check(handlingCase, reply.current().content()).stream().filter(c -> !c.passed()).toList();
        if (!failed.isEmpty()) {
            throw ReplyQualityGate.rejected(failed);
        }
        Map<String, Object> before = state(reply);
        OffsetDateTime now = clock.now();
        reply.status = ReplyStatus.IN_REVIEW;
        reply.reviewLevel = ReviewLevel.DIVISION_HEAD;
        audit.record("ReplySubmittedForReview", "Reply", reply.id, handlingCase.proposalId, AuditChanges.between(before, state(reply)));
        events.publish(new ReplySubmittedForReview(reply.id, handlingCase.id, handlingCase.proposalId, handlingCase.unitId,
                reply.currentVersion, reply.purpose.name(), reply.reviewLevel.name(), now));
        return flushed(reply);
    }

    /**
     * The person whose turn it is approves the version (it goes up a level, or has passed review at the last one)
     * or returns it to the handler with comments. Whether to publish it is decided by the last level at the latest.
     */
    public Reply review(UUID caseId, UUID replyId, ReviewDecision decision) {
        HandlingCase handlingCase = locked(caseId);
        Reply reply = replyOf(handlingCase, replyId);
        requireStatus(reply, EnumSet.of(ReplyStatus.IN_REVIEW), "reviewed");
        ReviewLevel level = reply.reviewLevel;
        Actor actor = context.actor();
        String turn = level.personOf(handlingCase);
        if (!actor.id().equals(turn)) {
            throw ApiProblem.forbidden("reply " + replyId + " is with the " + level + " for review: "
                    + level.nameOf(handlingCase) + " (" + turn + ")");
        }
        Map<String, Object> before = state(reply);
        OffsetDateTime now = clock.now();
        if (!decision.approve()) {
            if (decision.comments() == null || decision.comments().isBlank()) {
                throw ApiProblem.invalid("comments", "say what the handler should change when returning a reply");
            }
            reply.review(level, ReplyReview.Decision.RETURNED, decision.comments().strip(), now, actor.id(), actor.name());
            reply.status = ReplyStatus.RETURNED;
            reply.reviewLevel = null;
            audit.record("ReplyReturned", "Reply", reply.id, handlingCase.proposalId, AuditChanges.between(before, state(reply)));
            events.publish(new ReplyReturned(reply.id, handlingCase.id, handlingCase.proposalId, handlingCase.unitId,
                    reply.currentVersion, level.name(), decision.comments().strip(), now));
            return flushed(reply);
        }
        if (decision.disclosure() != null) {
            decideDisclosure(reply, decision.disclosure(), decision.disclosureNote());
        }
        ReviewLevel next = level.next(handlingCase.keyProposal);
        if (next == null && reply.disclosure == null) {
            throw ApiProblem.invalid("disclosure", "the last level of review decides whether the reply is published:"
                    + " FULL, SUMMARY (with the summary as disclosureNote) or NONE (with the reason as disclosureNote)");
        }
        reply.review(level, ReplyReview.Decision.APPROVED, blankToNull(decision.comments()), now, actor.id(), actor.name());
        reply.reviewLevel = next;
        if (next == null) {
            reply.status = ReplyStatus.REVIEWED;
        }
        audit.record("ReplyReviewed", "Reply", reply.id, handlingCase.proposalId, AuditChanges.between(before, state(reply)));
        return flushed(reply);
    }

    /** The handler puts the reviewed version to the proposer for comment before it is made formal. */
    public Reply consult(UUID caseId, UUID replyId) {
        HandlingCase handlingCase = locked(caseId);
        Reply reply = replyOf(handlingCase, replyId);
        requireHandler(handlingCase);
        requireStatus(reply, EnumSet.of(ReplyStatus.REVIEWED), "put to the proposer");
        Map<String, Object> before = state(reply);
        Actor actor = context.actor();
        reply.consult(clock.now(), actor.id(), actor.name());
        audit.record("ReplyConsultationSent", "Reply", reply.id, handlingCase.proposalId, AuditChanges.between(before, state(reply)));
        return flushed(reply);
    }

    /**
     * The proposer answers the consultation here (channel PLATFORM), or the handler records the answer they gave
     * another way. Disagreeing needs comments; the unit then revises the reply or makes it formal as it stands.
     */
    public Reply answerConsultation(UUID caseId, UUID replyId, ConsultationAnswer answer) {
        HandlingCase handlingCase = locked(caseId);
        Reply reply = replyOf(handlingCase, replyId);
        Actor actor = context.actor();
        boolean proposer = actor.hasRole(Roles.PROPOSER) && actor.id().equals(handlingCase.proposerId);
        String channel;
        if (proposer) {
            channel = "PLATFORM";
        } else {
            requireHandler(handlingCase);
            if (answer.channel() == null || !ANSWER_CHANNELS.contains(answer.channel())) {
                throw ApiProblem.invalid("channel", "how the proposer gave the answer the unit records: one of "
                        + new TreeSet<>(ANSWER_CHANNELS));
            }
            channel = answer.channel();
        }
        requireStatus(reply, EnumSet.of(ReplyStatus.IN_CONSULTATION), "answered");
        if (!answer.agrees() && (answer.comments() == null || answer.comments().isBlank())) {
            throw ApiProblem.invalid("comments", "say what should change when not agreeing with the draft");
        }
        Map<String, Object> before = state(reply);
        ReplyConsultation consultation = reply.openConsultation().orElseThrow();
        consultation.answeredAt = clock.now();
        consultation.agrees = answer.agrees();
        consultation.comments = blankToNull(answer.comments());
        consultation.answerChannel = channel;
        consultation.answeredById = actor.id();
        consultation.answeredByName = actor.name();
        reply.status = ReplyStatus.CONSULTED;
        audit.record("ReplyConsultationAnswered", "Reply", reply.id, handlingCase.proposalId,
                AuditChanges.between(before, state(reply)).set("agrees", answer.agrees()).set("comments", consultation.comments)
                        .set("channel", channel));
        return flushed(reply);
    }

    /**
     * The signer (the deputy head in charge; the bureau head for a key proposal) makes the consulted reply the unit's
     * formal reply. A proposer who has not answered within the consultation window does not hold it up.
     * Promised measures of a B or C reply become commitments.
     */
    public Reply approve(UUID caseId, UUID replyId) {
        HandlingCase handlingCase = locked(caseId);
        Reply reply = replyOf(handlingCase, replyId);
        ReviewLevel signer = ReviewLevel.signerFor(handlingCase.keyProposal);
        Actor actor = context.actor();
        if (!actor.id().equals(signer.personOf(handlingCase))) {
            throw ApiProblem.forbidden("the formal reply is signed by the " + signer + ": " + signer.nameOf(handlingCase)
                    + " (" + signer.personOf(handlingCase) + ")");
        }
        if (reply.status == ReplyStatus.IN_CONSULTATION) {
            LocalDate sent = reply.openConsultation().orElseThrow().sentAt.atZoneSameInstant(clock.zone()).toLocalDate();
            LocalDate answerDue = calendar.plusWorkingDays(sent, config.consultation().answerWithin());
            if (!clock.today().isAfter(answerDue)) {
                throw ApiProblem.conflict("the proposer has until " + answerDue + " to answer the consultation on reply "
                        + replyId + "; it can be made formal once they answer or that day has passed");
            }
        } else {
            requireStatus(reply, EnumSet.of(ReplyStatus.CONSULTED), "made formal (it must be put to the proposer first)");
        }
        Map<String, Object> replyBefore = state(reply);
        Map<String, Object> caseBefore = CaseService.state(handlingCase);
        OffsetDateTime now = clock.now();
        reply.status = ReplyStatus.APPROVED;
        reply.approvedAt = now;
        reply.signedById = actor.id();
        reply.signedByName = actor.name();
        handlingCase.status = CaseStatus.REPLIED;
        LocalDate commitmentDue = openCommitments(handlingCase, reply);
        audit.record("ReplyApproved", "Reply", reply.id, handlingCase.proposalId, AuditChanges.between(replyBefore, state(reply)));
        audit.record("ReplyApproved", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                AuditChanges.between(caseBefore, CaseService.state(handlingCase)));
        events.publish(new ReplyApproved(reply.id, handlingCase.id, handlingCase.assignmentId, handlingCase.proposalId,
                handlingCase.unitId, handlingCase.handlingType, reply.resultCategory, now, commitmentDue, reply.purpose.name(),
                reply.handlingRound, reply.disclosure.name()));
        return flushed(reply);
    }

    /** The formal reply reached the proposer, and the proposers of the proposals merged into theirs. */
    public Reply deliver(UUID caseId, UUID replyId, LocalDate deliveredOn, String channel) {
        HandlingCase handlingCase = locked(caseId);
        Reply reply = replyOf(handlingCase, replyId);
        requireStatus(reply, EnumSet.of(ReplyStatus.APPROVED), "delivered (only an approved formal reply is)");
        if (!DELIVERY_CHANNELS.contains(channel)) {
            throw ApiProblem.invalid("channel", "one of " + new TreeSet<>(DELIVERY_CHANNELS));
        }
        LocalDate approvedOn = reply.approvedAt.atZoneSameInstant(clock.zone()).toLocalDate();
        if (deliveredOn.isBefore(approvedOn) || deliveredOn.isAfter(clock.today())) {
            throw ApiProblem.invalid("deliveredOn", "between the day the reply was approved (" + approvedOn + ") and today");
        }
        Map<String, Object> before = state(reply);
        OffsetDateTime now = clock.now();
        reply.status = ReplyStatus.DELIVERED;
        reply.deliveredOn = deliveredOn;
        reply.deliveryChannel = channel;
        reply.deliveredAt = now;
        audit.record("ReplyDelivered", "Reply", reply.id, handlingCase.proposalId, AuditChanges.between(before, state(reply)));
        events.publish(new ReplyDelivered(reply.id, handlingCase.id, handlingCase.assignmentId, handlingCase.proposalId,
                handlingCase.unitId, deliveredOn, channel, recipients(handlingCase), now));
        return flushed(reply);
    }

    /** The proposer of the proposal and those of the proposals merged into it: each gets the reply (并案各自答复). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Proposer> recipients(HandlingCase handlingCase) {
        List<Proposer> recipients = new ArrayList<>();
        if (handlingCase.proposerId != null || handlingCase.proposerName != null) {
            recipients.add(new Proposer(handlingCase.proposerId, handlingCase.proposerName));
        }
        MergedProposal.<MergedProposal>list("intoProposalId", handlingCase.proposalId).stream()
                .sorted(Comparator.comparing(m -> m.mergedAt))
                .forEach(m -> recipients.add(new Proposer(m.proposerId, m.proposerName)));
        return recipients;
    }

    /** Dated promises of a B or C formal reply become commitments; returns the earliest due date, null if none. */
    private LocalDate openCommitments(HandlingCase handlingCase, Reply reply) {
        if (reply.resultCategory != ResultCategory.B && reply.resultCategory != ResultCategory.C) {
            return null;
        }
        LocalDate earliest = null;
        for (ReplyContent.PromisedMeasure promised : reply.current().measuresPromised) {
            Commitment commitment = new Commitment();
            commitment.id = UUID.randomUUID();
            commitment.handlingCase = handlingCase;
            commitment.replyId = reply.id;
            commitment.description = promised.description();
            commitment.dueDate = promised.dueDate();
            commitment.status = Commitment.Status.OPEN;
            commitment.persist();
            audit.record("CommitmentOpened", "Commitment", commitment.id, handlingCase.proposalId,
                    AuditChanges.created(AuditChanges.state("caseId", handlingCase.id, "replyId", reply.id,
                            "description", commitment.description, "dueDate", commitment.dueDate)));
            if (earliest == null || promised.dueDate().isBefore(earliest)) {
                earliest = promised.dueDate();
            }
        }
        return earliest;
    }

    private void decideDisclosure(Reply reply, Disclosure disclosure, String note) {
        if (disclosure != Disclosure.FULL && (note == null || note.isBlank())) {
            throw ApiProblem.invalid("disclosureNote", disclosure == Disclosure.SUMMARY
                    ? "the summary to publish" : "the reason the reply is not published");
        }
        reply.disclosure = disclosure;
        reply.disclosureNote = disclosure == Disclosure.FULL ? null : note.strip();
    }

    /** Opinions a reply says it reflects must be opinions this case received. */
    private void checkOpinionsNamed(HandlingCase handlingCase, ReplyContent content) {
        if (content.reflectedOpinions().isEmpty()) {
            return;
        }
        Set<UUID> received = new HashSet<>();
        opinions.expectedFor(handlingCase).forEach(o -> {
            if (o.opinionId() != null) {
                received.add(o.opinionId());
            }
        });
        for (UUID opinionId : content.reflectedOpinions()) {
            if (!received.contains(opinionId)) {
                throw ApiProblem.invalid("reflectedOpinions", "opinion " + opinionId + " was not submitted to this case");
            }
        }
    }

    /** Writes the change now, so that the reply's version (its ETag) is the one the database holds. */
    private Reply flushed(Reply reply) {
        cases.flush();
        return reply;
    }

    private HandlingCase locked(UUID caseId) {
        return cases.findForUpdate(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
    }

    private static Reply replyOf(HandlingCase handlingCase, UUID replyId) {
        return handlingCase.reply(replyId).orElseThrow(() -> ApiProblem.notFound("Reply", replyId));
    }

    /** The case's named handler, or until one is named any handler of the unit (the role is checked at the door). */
    private void requireHandler(HandlingCase handlingCase) {
        Actor actor = context.actor();
        if (!actor.hasRole(Roles.HANDLER) || !handlingCase.isHandledBy(actor.id())) {
            throw ApiProblem.forbidden("case " + handlingCase.id + " is handled by " + handlingCase.handlerName
                    + " (" + handlingCase.handlerId + ")");
        }
    }

    static void requireReplyingUnit(HandlingCase handlingCase) {
        if (!handlingCase.handlingType.repliesToProposer()) {
            throw ApiProblem.conflict("a co-handling unit sends its opinion to the lead unit and never replies to the proposer");
        }
        if (!handlingCase.isLive()) {
            throw ApiProblem.conflict("case " + handlingCase.id + " ended with the unit's adjustment request");
        }
    }

    /** Review needs the people of the chain by name: the division head, the deputy head, the bureau head when key. */
    private static void requireChain(HandlingCase handlingCase) {
        List<String> missing = new ArrayList<>();
        for (ReviewLevel level = ReviewLevel.DIVISION_HEAD; level != null; level = level.next(handlingCase.keyProposal)) {
            if (level.personOf(handlingCase) == null) {
                missing.add(level.name());
            }
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.conflict("the review chain of case " + handlingCase.id + " names nobody as " + String.join(", ", missing)
                    + ": the unit's office records who answers for the assignment (PUT /api/v1/assignments/"
                    + handlingCase.assignmentId + "/responsibility in assignment-service) first");
        }
    }

    private static void requireStatus(Reply reply, Set<ReplyStatus> allowed, String what) {
        if (!allowed.contains(reply.status)) {
            throw ApiProblem.conflict("reply " + reply.id + " is " + reply.status + ": only a reply that is " + allowed
                    + " can be " + what);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** What the audit trail records of a reply: the current version's content with where it stands. */
    static Map<String, Object> state(Reply r) {
        return AuditChanges.state("caseId", r.handlingCase.id, "purpose", r.purpose, "round", r.handlingRound,
                "version", r.currentVersion, "resultCategory", r.resultCategory, "text", r.text, "status", r.status,
                "reviewLevel", r.reviewLevel, "disclosure", r.disclosure, "disclosureNote", r.disclosureNote,
                "approvedAt", r.approvedAt, "signedBy", r.signedById, "deliveredOn", r.deliveredOn,
                "deliveryChannel", r.deliveryChannel);
    }


    /** A reviewer's decision on the current version. */
    public record ReviewDecision(boolean approve, String comments, Disclosure disclosure, String disclosureNote) {
    }

    /** The proposer's answer to a consultation, or what the unit records of it. */
    public record ConsultationAnswer(boolean agrees, String comments, String channel) {
    }
}
