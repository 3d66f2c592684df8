package org.proposals.reply.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.kit.messaging.EventInbox;
import org.proposals.reply.service.CaseService;

/** Opens a case file for every assignment of a proposal to a unit. */
@ApplicationScoped
public class AssignmentEventsListener {

    @Inject
    EventInbox inbox;

    private final EventHandlers handlers;

    @Inject
    public AssignmentEventsListener(CaseService cases) {
        this.handlers = EventHandlers.builder()
                .on(ProposalAssigned.class, (event, envelope) -> cases.onAssigned(event))
                .build();
    }

    @Incoming("assignment-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive("assignment-events", record.value(), handlers);
    }
}
