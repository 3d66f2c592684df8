package org.proposals.assignment.rest;

import org.proposals.assignment.AssignableProposal;
import org.proposals.assignment.SupervisionDirective;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Key proposals and supervision directives as the API shows them. */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    public record KeyProposal(UUID proposalId, String number, String title, String supervisedBy, String note,
                              OffsetDateTime supervisedSince) {
        static KeyProposal of(AssignableProposal p) {
            return new KeyProposal(p.id, p.number, p.title, p.supervisedBy, p.supervisionNote, p.supervisedSince);
        }
    }

    /** A directive; the progress fields are the unit's report on a PROGRESS_REPORT directive, null until it gives one. */
    public record Directive(UUID id, UUID assignmentId, UUID proposalId, String unitId, SupervisionDirective.Type type,
                            String note, LocalDate dueDate, LocalDate previousReplyDue, OffsetDateTime issuedAt,
                            String issuedBy, String progress, OffsetDateTime progressSubmittedAt, String progressSubmittedBy,
                            Boolean progressLate) {
        static Directive of(SupervisionDirective d) {
            return new Directive(d.id, d.assignmentId, d.proposalId, d.unitId, d.type, d.note, d.dueDate, d.previousReplyDue,
                    d.issuedAt, d.issuedBy, d.progress, d.progressSubmittedAt, d.progressSubmittedBy, d.progressLate);
        }
    }
}
