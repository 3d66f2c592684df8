package org.proposals.evaluation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.evaluation.service.ReadModelService;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.kit.messaging.EventInbox;

/** Builds the read model the figures and ratings rest on from what the other services report. */
@ApplicationScoped
public class HandlingEventsListener {

    @Inject
    EventInbox inbox;

    private final EventHandlers handlers;

    @Inject
    public HandlingEventsListener(ReadModelService readModel) {
        this.handlers = EventHandlers.builder()
                .on(ProposalSubmitted.class, (event, envelope) -> readModel.onSubmitted(event))
                .on(ProposalAssigned.class, (event, envelope) -> readModel.onAssigned(event))
                .on(AssignmentSigned.class, (event, envelope) -> readModel.onSigned(event))
                .on(ReplyApproved.class, (event, envelope) -> readModel.onReplyApproved(event))
                .on(ReplyDelivered.class, (event, envelope) -> readModel.onReplyDelivered(event))
                .on(ProposalReopened.class, (event, envelope) -> readModel.onReopened(event))
                .build();
    }

    @Incoming("handling-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive("handling-events", record.value(), handlers);
    }
}
