package org.proposals.supervision.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.kit.messaging.EventInbox;

/** Turns what the four services report into status reports for the supervision system, once per event. */
@ApplicationScoped
public class PlatformEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    ReportedEvents events;

    @Incoming("platform-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive(ReportedEvents.CONSUMER, record, events.handlers());
    }
}
