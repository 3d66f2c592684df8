package org.proposals.reply.rest;

import org.proposals.reply.ContactChannel;
import org.proposals.reply.ContactConfirmation;
import org.proposals.reply.ContactRecord;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A logged contact with the proposer and the proposer's answer to it. */
public record ContactView(
        UUID id,
        UUID caseId,
        UUID proposalId,
        String unitId,
        ContactChannel channel,
        boolean faceToFace,
        OffsetDateTime contactedAt,
        List<String> participants,
        String summary,
        CaseView.Person recordedBy,
        OffsetDateTime recordedAt,
        ContactConfirmation confirmation,
        String proposerComment,
        OffsetDateTime answeredAt,
        long version) {

    public static ContactView of(ContactRecord r) {
        return new ContactView(r.id, r.caseId, r.proposalId, r.unitId, r.channel, r.faceToFace, r.contactedAt,
                List.copyOf(r.participants), r.summary, CaseView.Person.of(r.recordedById, r.recordedByName), r.recordedAt,
                r.confirmation, r.proposerComment, r.answeredAt, r.version);
    }
}
