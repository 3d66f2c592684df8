package org.proposals.reply.rest;

import org.proposals.reply.CoHandlingOpinion;
import org.proposals.reply.service.ExpectedOpinion;
import org.proposals.reply.service.OpinionState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A co-handling unit's opinion as the lead unit (or the co-handling unit itself) sees it: PENDING with its due date,
 * SUBMITTED with its text, or WAIVED with the lead unit's reason.
 */
public record OpinionView(
        String unitId,
        String unitName,
        UUID caseId,
        OpinionState state,
        UUID opinionId,
        LocalDate dueDate,
        String text,
        List<String> suggestions,
        OffsetDateTime submittedAt,
        CaseView.Person submittedBy,
        String waiverReason,
        OffsetDateTime waivedAt,
        CaseView.Person waivedBy) {

    public static OpinionView of(ExpectedOpinion e) {
        CoHandlingOpinion o = e.opinion();
        if (o == null) {
            return new OpinionView(e.unitId(), e.unitName(), e.caseId(), e.state(), null, e.dueDate(), null, List.of(),
                    null, null, null, null, null);
        }
        return new OpinionView(e.unitId(), e.unitName(), e.caseId(), e.state(), o.id, e.dueDate(), o.text,
                List.copyOf(o.suggestions), o.submittedAt, CaseView.Person.of(o.submittedById, o.submittedByName),
                o.waiverReason, o.waivedAt, CaseView.Person.of(o.waivedById, o.waivedByName));
    }
}
