package org.proposals.reply.service;

import org.proposals.reply.CoHandlingOpinion;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An opinion the lead unit expects from one live co-handling unit of its proposal, and where it stands.
 *
 * @param caseId    the co-handling unit's case
 * @param opinionId the submitted opinion or the waiver; null while PENDING
 * @param dueDate   when the opinion is due (the co-handling case's opening day plus {@code reply.opinions.due-within})
 * @param opinion   the submitted opinion or the waiver; null while PENDING
 */
public record ExpectedOpinion(String unitId, String unitName, UUID caseId, OpinionState state, UUID opinionId,
                              LocalDate dueDate, CoHandlingOpinion opinion) {
}
