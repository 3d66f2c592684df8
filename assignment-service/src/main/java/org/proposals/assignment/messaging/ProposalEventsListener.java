package org.proposals.assignment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.assignment.service.AssignmentService;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.kit.messaging.EventInbox;

/** Registered proposals become assignable. */
@ApplicationScoped
public class ProposalEventsListener {

    @Inject
    EventInbox inbox;

    private final EventHandlers handlers;

    @Inject
    public ProposalEventsListener(AssignmentService assignments) {
        this.handlers = EventHandlers.builder()
                .on(ProposalSubmitted.class, (event, envelope) -> assignments.onProposalSubmitted(event))
                .build();
    }

    @Incoming("proposal-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive("proposal-events", record.value(), handlers);
    }
}
