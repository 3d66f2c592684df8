package org.proposals.proposal.rest;

import org.proposals.proposal.CoProposer;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposerType;

/** A proposer as the API shows it. */
public record ProposerView(ProposerType type, ProposerType.GroupKind groupKind, String id, String name,
                           String sector, String contact) {

    static ProposerView leadOf(Proposal p) {
        return new ProposerView(p.proposerType, p.proposerGroup, p.proposerId, p.proposerName, p.proposerSector,
                p.proposerContact);
    }

    static ProposerView of(CoProposer c) {
        return new ProposerView(ProposerType.MEMBER, null, c.personId, c.name, c.sector, c.contact);
    }
}
