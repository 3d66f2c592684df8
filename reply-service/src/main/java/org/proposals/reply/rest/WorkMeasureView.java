package org.proposals.reply.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.proposals.reply.MeasureKind;
import org.proposals.reply.WorkMeasure;
import org.proposals.reply.repository.WorkMeasureRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A work measure as the API shows it, with the cases and proposals it stems from. */
public record WorkMeasureView(
        UUID id,
        String unitId,
        MeasureKind kind,
        String title,
        String documentNumber,
        LocalDate issuedOn,
        String issuer,
        String description,
        OffsetDateTime recordedAt,
        Person recordedBy,
        OffsetDateTime correctedAt,
        long version,
        List<Origin> cases) {

    /** Who recorded the measure, as their token named them. */
    @Schema(name = "WorkMeasureRecorder")
    public record Person(String id, String name) {
    }

    /** A case the measure stems from, and its proposal. */
    @Schema(name = "WorkMeasureOrigin")
    public record Origin(UUID caseId, UUID proposalId, String proposalTitle, OffsetDateTime linkedAt) {

        static Origin of(WorkMeasureRepository.LinkedCase c) {
            return new Origin(c.caseId(), c.proposalId(), c.proposalTitle(), c.linkedAt());
        }
    }

    public static WorkMeasureView of(WorkMeasure m, List<WorkMeasureRepository.LinkedCase> cases) {
        return new WorkMeasureView(m.id, m.unitId, m.kind, m.title, m.documentNumber, m.issuedOn, m.issuer, m.description,
                m.recordedAt, m.recordedById == null ? null : new Person(m.recordedById, m.recordedByName),
                m.correctedAt, m.version, cases == null ? List.of() : cases.stream().map(Origin::of).toList());
    }
}
