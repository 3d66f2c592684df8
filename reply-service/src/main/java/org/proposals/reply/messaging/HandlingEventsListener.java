package org.proposals.reply.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.events.proposal.ProposalMerged;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.kit.messaging.EventHandlers;
import org.proposals.kit.messaging.EventInbox;
import org.proposals.reply.service.CaseService;
import org.proposals.reply.service.ExtensionService;

import java.util.concurrent.CompletionStage;

/**
 * Assignments open case files and keep them current (who answers for them, adjustments, key proposals);
 * the committee's merging and reopening of proposals change who gets a reply and in which round, and its
 * decisions on extension requests move the case's deadline.
 */
@ApplicationScoped
public class HandlingEventsListener {

    @Inject
    EventInbox inbox;

    private final EventHandlers handlers;

    @Inject
    public HandlingEventsListener(CaseService cases, ExtensionService extensions) {
        this.handlers = EventHandlers.builder()
                .on(ProposalAssigned.class, (event, envelope) -> cases.onAssigned(event))
                .on(ResponsibilityAssigned.class, (event, envelope) -> cases.onResponsibilityAssigned(event))
                .on(AssignmentAdjusted.class, (event, envelope) -> cases.onAdjusted(event))
                .on(ProposalSupervised.class, (event, envelope) -> cases.onSupervised(event))
                .on(ProposalMerged.class, (event, envelope) -> cases.onMerged(event))
                .on(ProposalReopened.class, (event, envelope) -> cases.onReopened(event))
                .on(RehandlingStarted.class, (event, envelope) -> cases.onRehandlingStarted(event))
                .on(ExtensionGranted.class, (event, envelope) -> extensions.onGranted(event))
                .on(ExtensionRejected.class, (event, envelope) -> extensions.onRejected(event))
                .build();
    }

    @Incoming("handling-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.receive("handling-events", batch, handlers);
    }
}
