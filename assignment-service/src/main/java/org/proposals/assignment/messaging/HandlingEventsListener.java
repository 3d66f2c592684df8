package org.proposals.assignment.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.assignment.service.AssignmentService;
import org.proposals.assignment.service.ExtensionService;
import org.proposals.assignment.service.SupervisionService;
import org.proposals.events.proposal.ProposalFiled;
import org.proposals.events.proposal.ProposalMerged;
import org.proposals.events.proposal.ProposalNotFiled;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.proposal.ProposalWithdrawn;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyExtensionRequested;
import org.proposals.events.supervision.SupervisionDirectiveReceived;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.kit.messaging.EventInbox;

import java.util.concurrent.CompletionStage;

/**
 * Registered proposals become assignable once filed, and stop being so when not filed, merged or withdrawn;
 * reply-service's reports stop the clocks (reply, opinion, first contact, promised measure), and a reopened
 * proposal starts the re-handling clock; a unit asking from its case for a later deadline registers its extension request;
 * the supervision system's directives, through the supervision adapter, mark key proposals and direct units.
 */
@ApplicationScoped
public class HandlingEventsListener {

    @Inject
    EventInbox inbox;

    private final EventHandlers handlers;

    @Inject
    public HandlingEventsListener(AssignmentService assignments, ExtensionService extensions, SupervisionService supervision) {
        this.handlers = EventHandlers.builder()
                .on(ProposalSubmitted.class, (event, envelope) -> assignments.onProposalSubmitted(event))
                .on(ProposalFiled.class, (event, envelope) -> assignments.onProposalFiled(event))
                .on(ProposalRevised.class, (event, envelope) -> assignments.onProposalRevised(event))
                .on(ProposalNotFiled.class, (event, envelope) -> assignments.onProposalSettled(event))
                .on(ProposalMerged.class, (event, envelope) -> assignments.onProposalSettled(event))
                .on(ProposalWithdrawn.class, (event, envelope) -> assignments.onProposalSettled(event))
                .on(ProposalReopened.class, (event, envelope) -> assignments.onProposalReopened(event))
                .on(ReplyApproved.class, (event, envelope) -> assignments.onReplyApproved(event))
                .on(CoHandlingOpinionSubmitted.class, (event, envelope) -> assignments.onOpinionSubmitted(event))
                .on(ContactRecorded.class, (event, envelope) -> assignments.onContactRecorded(event))
                .on(ReplyExtensionRequested.class, (event, envelope) -> extensions.onReplyExtensionRequested(event))
                .on(SupervisionDirectiveReceived.class, (event, envelope) -> supervision.onDirectiveReceived(event))
                .build();
    }

    @Incoming("handling-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive("handling-events", batch, handlers);
    }
}
