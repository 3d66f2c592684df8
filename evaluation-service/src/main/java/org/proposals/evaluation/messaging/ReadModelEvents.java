package org.proposals.evaluation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.proposals.evaluation.service.HandlingFactsService;
import org.proposals.evaluation.service.ReadModelService;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.proposal.ProposalClosed;
import org.proposals.events.proposal.ProposalFiled;
import org.proposals.events.proposal.ProposalMerged;
import org.proposals.events.proposal.ProposalNotFiled;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.proposal.ProposalWithdrawn;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.CommitmentFulfilled;
import org.proposals.events.reply.ContactDisputed;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.events.reply.WorkMeasureRecorded;
import org.proposals.kit.messaging.EventHandlers;

/**
 * The events the read model is built from and what each does to it: one table for the live consumer and for a
 * replay of the topics from their beginning, so that both build the same rows.
 */
@ApplicationScoped
public class ReadModelEvents {

    /** The name the inbox records applied events under. */
    public static final String CONSUMER = "handling-events";

    private final EventHandlers handlers;

    @Inject
    public ReadModelEvents(ReadModelService readModel, HandlingFactsService facts) {
        this.handlers = EventHandlers.builder()
                .on(ProposalSubmitted.class, (event, envelope) -> readModel.onSubmitted(event))
                .on(ProposalAssigned.class, (event, envelope) -> readModel.onAssigned(event))
                .on(AssignmentSigned.class, (event, envelope) -> readModel.onSigned(event))
                .on(ReplyApproved.class, (event, envelope) -> readModel.onReplyApproved(event))
                .on(ReplyDelivered.class, (event, envelope) -> readModel.onReplyDelivered(event))
                .on(ProposalReopened.class, (event, envelope) -> readModel.onReopened(event))
                .on(ProposalRevised.class, (event, envelope) -> facts.onRevised(event))
                .on(ProposalFiled.class, (event, envelope) -> facts.onDecided(event.proposalId(), "FILED", null, envelope.type()))
                .on(ProposalNotFiled.class, (event, envelope) -> facts.onDecided(event.proposalId(), "NOT_FILED", null, envelope.type()))
                .on(ProposalMerged.class, (event, envelope) -> facts.onDecided(event.proposalId(), "MERGED", null, envelope.type()))
                .on(ProposalWithdrawn.class, (event, envelope) -> facts.onDecided(event.proposalId(), "WITHDRAWN", null, envelope.type()))
                .on(ProposalClosed.class, (event, envelope) -> facts.onDecided(event.proposalId(), "CLOSED", event.closedAt(), envelope.type()))
                .on(AssignmentAdjusted.class, (event, envelope) -> facts.onAdjusted(event))
                .on(ExtensionGranted.class, (event, envelope) -> facts.onExtensionGranted(event))
                .on(RehandlingStarted.class, (event, envelope) -> facts.onRehandlingStarted(event))
                .on(DeadlineMissed.class, facts::onDeadlineMissed)
                .on(CoHandlingOpinionSubmitted.class, (event, envelope) -> facts.onOpinionSubmitted(event))
                .on(ContactRecorded.class, (event, envelope) -> facts.onContactRecorded(event))
                .on(ContactDisputed.class, (event, envelope) -> facts.onContactDisputed(event))
                .on(WorkMeasureRecorded.class, (event, envelope) -> facts.onWorkMeasureRecorded(event))
                .on(CommitmentFulfilled.class, (event, envelope) -> facts.onCommitmentFulfilled(event))
                .build();
    }

    public EventHandlers handlers() {
        return handlers;
    }
}
