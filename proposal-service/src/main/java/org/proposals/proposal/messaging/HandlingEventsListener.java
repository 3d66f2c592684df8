package org.proposals.proposal.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.kit.messaging.EventInbox;
import org.proposals.proposal.service.ProposalService;

/** Follows what the other services report, so that a proposal shows where its handling stands. */
@ApplicationScoped
public class HandlingEventsListener {

    @Inject
    EventInbox inbox;

    private final EventHandlers handlers;

    @Inject
    public HandlingEventsListener(ProposalService proposals) {
        this.handlers = EventHandlers.builder()
                .on(ProposalAssigned.class, (event, envelope) -> proposals.onAssigned(event))
                .on(ReplyApproved.class, (event, envelope) -> proposals.onReplyApproved(event))
                .on(SatisfactionRecorded.class, (event, envelope) -> proposals.onSatisfactionRecorded(event))
                .build();
    }

    @Incoming("handling-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive("handling-events", record.value(), handlers);
    }
}
