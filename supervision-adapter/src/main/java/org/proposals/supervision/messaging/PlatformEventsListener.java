package org.proposals.supervision.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.kit.messaging.EventInbox;

import java.util.concurrent.CompletionStage;

/** Turns what the four services report into status reports for the supervision system, once per event. */
@ApplicationScoped
public class PlatformEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    ReportedEvents events;

    @Incoming("platform-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive(ReportedEvents.CONSUMER, batch, events.handlers());
    }
}
