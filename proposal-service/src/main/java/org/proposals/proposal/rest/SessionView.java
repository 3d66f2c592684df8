package org.proposals.proposal.rest;

import org.proposals.events.ProposalKind;
import org.proposals.proposal.ProposalSession;

import java.time.LocalDate;
import java.util.UUID;

public record SessionView(UUID id, ProposalKind kind, int term, int sessionNumber, int year, String name,
                          LocalDate plenaryStart, LocalDate plenaryEnd, String numberFormat, String numberExample,
                          long version) {

    static SessionView of(ProposalSession s) {
        return new SessionView(s.id, s.kind, s.term, s.sessionNumber, s.year, s.name, s.plenaryStart, s.plenaryEnd,
                s.numberFormat, s.format().example(s), s.version);
    }
}
