package org.proposals.proposal.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.proposals.events.ProposalKind;
import org.proposals.proposal.service.SessionService;

import java.time.LocalDate;

/** A session of the CPPCC committee (kind PROPOSAL) or of the people's congress (kind SUGGESTION). */
public record SessionRequest(
        @NotNull ProposalKind kind,
        @Schema(description = "届, e.g. 7") @Min(1) @Max(99) int term,
        @Schema(description = "次, e.g. 2") @Min(1) @Max(99) int sessionNumber,
        @Min(1949) @Max(2200) int year,
        @Schema(example = "政协第七届委员会第二次会议") @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate plenaryStart,
        @NotNull LocalDate plenaryEnd,
        @Schema(description = "{year}, {term}, {session} and one {seq} or {seq:N}; default {year}{seq:4} (20220024)")
        @Size(max = 60) String numberFormat) {

    static final String DEFAULT_NUMBER_FORMAT = "{year}{seq:4}";

    SessionService.SessionDetails toDetails() {
        return new SessionService.SessionDetails(kind, term, sessionNumber, year, name, plenaryStart, plenaryEnd,
                numberFormat == null || numberFormat.isBlank() ? DEFAULT_NUMBER_FORMAT : numberFormat.strip());
    }
}
