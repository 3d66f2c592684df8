package org.proposals.evaluation.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.kit.messaging.EventInbox;

import java.util.concurrent.CompletionStage;

/** Builds the read model the figures and ratings rest on from what the other services report, as they report it. */
@ApplicationScoped
public class HandlingEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelEvents events;

    @Incoming("handling-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive(ReadModelEvents.CONSUMER, batch, events.handlers());
    }
}
