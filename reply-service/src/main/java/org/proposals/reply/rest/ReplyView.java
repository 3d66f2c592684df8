package org.proposals.reply.rest;

import org.proposals.events.ResultCategory;
import org.proposals.reply.Reply;
import org.proposals.reply.ReplyStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reply as the API shows it. */
public record ReplyView(
        UUID id,
        UUID caseId,
        ResultCategory resultCategory,
        String text,
        ReplyStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime approvedAt,
        long version) {

    public static ReplyView of(Reply r) {
        return new ReplyView(r.id, r.handlingCase.id, r.resultCategory, r.text, r.status, r.createdAt, r.approvedAt,
                r.version);
    }
}
