package org.proposals.proposal.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.events.EventCatalog;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.kit.messaging.EventInbox;
import org.proposals.proposal.service.ProposalService;

import java.util.concurrent.CompletionStage;

/**
 * Follows what the other services report about proposals, so that a proposal shows where its handling
 * stands and its timeline holds every event about it, whichever service published it.
 */
@ApplicationScoped
public class HandlingEventsListener {

    @Inject
    EventInbox inbox;

    private final EventHandlers handlers;

    @Inject
    public HandlingEventsListener(ProposalService proposals) {
        EventHandlers.Builder builder = EventHandlers.builder();
        for (Class<? extends IntegrationEvent> type : EventCatalog.ALL) {
            boolean ours = EventCatalog.contractOf(type).topic().equals(Topics.PROPOSAL_EVENTS);
            if (ProposalEvent.class.isAssignableFrom(type) && !ours) {
                builder.on(type, (event, envelope) -> proposals.onHandlingEvent((ProposalEvent) event, envelope));
            }
        }
        this.handlers = builder.build();
    }

    @Incoming("handling-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive("handling-events", batch, handlers);
    }
}
