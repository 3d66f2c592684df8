package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A proposal or suggestion was registered under its number in a session and awaits the committee's
 * filing decision. Fields after {@code submittedAt} were added compatibly: older readers ignore them.
 *
 * @param proposer    the lead proposer (a member, a deputy or a group)
 * @param coProposers the members who co-signed it (附议人), in the order given
 * @param topics      codes from the committee's topic taxonomy
 */
@EventType(name = "ProposalSubmitted", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalSubmitted(
        UUID proposalId,
        ProposalKind kind,
        String number,
        String title,
        Proposer proposer,
        OffsetDateTime submittedAt,
        UUID sessionId,
        int year,
        ProposalSource source,
        List<Proposer> coProposers,
        List<String> topics) implements ProposalEvent {

    /** A registration with only the original fields, as the first producers wrote it. */
    public ProposalSubmitted(UUID proposalId, ProposalKind kind, String number, String title, Proposer proposer,
                             OffsetDateTime submittedAt) {
        this(proposalId, kind, number, title, proposer, submittedAt, null, submittedAt.getYear(),
                ProposalSource.PLENARY, List.of(), List.of());
    }

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
