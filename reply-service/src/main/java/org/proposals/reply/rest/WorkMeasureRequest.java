package org.proposals.reply.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.proposals.reply.MeasureKind;
import org.proposals.reply.service.MeasureDetails;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The body that records a work measure: what it is, and the cases (of the caller's unit) it stems from. */
public record WorkMeasureRequest(
        @NotNull MeasureKind kind,
        @NotBlank @Size(max = 500) String title,
        @Schema(description = "The document's number (文号), e.g. 工信发〔2022〕12号", examples = "工信发〔2022〕12号")
        @Size(max = 100) String documentNumber,
        @Schema(description = "When it was issued or took place; not in the future")
        @NotNull LocalDate issuedOn,
        @Schema(description = "Who issued it, e.g. 深圳市人民政府")
        @Size(max = 200) String issuer,
        @Size(max = 20_000) String description,
        @Schema(description = "The live cases of the caller's unit whose proposals led to the measure; at least one")
        @NotEmpty @Size(max = 200) List<@NotNull UUID> caseIds) {

    MeasureDetails details() {
        return new MeasureDetails(kind, title, documentNumber, issuedOn, issuer, description);
    }

    /** The body of a correction: the measure's details, its cases unchanged. */
    @Schema(name = "WorkMeasureCorrection")
    public record Correction(
            @NotNull MeasureKind kind,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 100) String documentNumber,
            @NotNull LocalDate issuedOn,
            @Size(max = 200) String issuer,
            @Size(max = 20_000) String description) {

        MeasureDetails details() {
            return new MeasureDetails(kind, title, documentNumber, issuedOn, issuer, description);
        }
    }

    /** The body that links a measure to further cases. */
    @Schema(name = "WorkMeasureCases")
    public record Cases(@NotEmpty @Size(max = 200) List<@NotNull UUID> caseIds) {
    }
}
