package org.proposals.events;

import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentAdjustmentRejected;
import org.proposals.events.assignment.AssignmentAdjustmentRequested;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.DeadlineReminderSent;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ExtensionRequested;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.ProgressReportSubmitted;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.events.assignment.SupervisionDirectiveRejected;
import org.proposals.events.evaluation.RehandlingRequested;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.proposal.ProposalClosed;
import org.proposals.events.proposal.ProposalFiled;
import org.proposals.events.proposal.ProposalMerged;
import org.proposals.events.proposal.ProposalNotFiled;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.proposal.ProposalWithdrawn;
import org.proposals.events.reply.CaseOpened;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.CommitmentFulfilled;
import org.proposals.events.reply.ContactConfirmed;
import org.proposals.events.reply.ContactDisputed;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.events.reply.ReplyExtensionRequested;
import org.proposals.events.reply.ReplyReturned;
import org.proposals.events.reply.ReplySubmittedForReview;
import org.proposals.events.reply.WorkMeasureRecorded;
import org.proposals.events.supervision.SupervisionDirectiveReceived;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the platform, by name and version. A new contract is added here. */
public final class EventCatalog {

    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            ProposalSubmitted.class,
            ProposalRevised.class,
            ProposalFiled.class,
            ProposalNotFiled.class,
            ProposalMerged.class,
            ProposalWithdrawn.class,
            ProposalReopened.class,
            ProposalClosed.class,
            ProposalAssigned.class,
            AssignmentSigned.class,
            ResponsibilityAssigned.class,
            AssignmentAdjustmentRequested.class,
            AssignmentAdjusted.class,
            AssignmentAdjustmentRejected.class,
            ExtensionRequested.class,
            ExtensionGranted.class,
            ExtensionRejected.class,
            DeadlineReminderSent.class,
            DeadlineMissed.class,
            RehandlingStarted.class,
            ProposalSupervised.class,
            SupervisionDirectiveIssued.class,
            SupervisionDirectiveRejected.class,
            ProgressReportSubmitted.class,
            CaseOpened.class,
            CoHandlingOpinionSubmitted.class,
            ContactRecorded.class,
            ContactConfirmed.class,
            ContactDisputed.class,
            ReplySubmittedForReview.class,
            ReplyReturned.class,
            ReplyApproved.class,
            ReplyDelivered.class,
            ReplyExtensionRequested.class,
            WorkMeasureRecorded.class,
            CommitmentFulfilled.class,
            SatisfactionRecorded.class,
            RehandlingRequested.class,
            SupervisionDirectiveReceived.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(c -> key(contractOf(c).name(), contractOf(c).version()), Function.identity()));

    private EventCatalog() {
    }

    public static EventType contractOf(Class<? extends IntegrationEvent> eventClass) {
        EventType contract = eventClass.getAnnotation(EventType.class);
        if (contract == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return contract;
    }

    public static Optional<Class<? extends IntegrationEvent>> find(String type, int version) {
        return Optional.ofNullable(BY_KEY.get(key(type, version)));
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }
}
