package org.proposals.evaluation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.kit.messaging.EventInbox;

/** Builds the read model the figures and ratings rest on from what the other services report, as they report it. */
@ApplicationScoped
public class HandlingEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelEvents events;

    @Incoming("handling-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive(ReadModelEvents.CONSUMER, record, events.handlers());
    }
}
