package org.proposals.events;

import java.util.UUID;

/**
 * An event about one proposal, whichever service publishes it. Consumers that keep a proposal's
 * history (its timeline) take every such event without knowing each type.
 */
public interface ProposalEvent extends IntegrationEvent {

    UUID proposalId();
}
