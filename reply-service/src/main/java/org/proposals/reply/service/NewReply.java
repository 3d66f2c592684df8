package org.proposals.reply.service;

import org.proposals.events.ResultCategory;

/** What the handler drafts. */
public record NewReply(ResultCategory resultCategory, String text) {
}
