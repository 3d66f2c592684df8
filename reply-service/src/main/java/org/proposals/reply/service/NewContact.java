package org.proposals.reply.service;

import org.proposals.reply.ContactChannel;

import java.time.OffsetDateTime;
import java.util.List;

/** What the unit logs of a contact with the proposer; faceToFace null means the channel's default. */
public record NewContact(ContactChannel channel, OffsetDateTime contactedAt, List<String> participants, String summary,
                         Boolean faceToFace) {
}
