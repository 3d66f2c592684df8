package org.proposals.reply.service;

import org.proposals.reply.MeasureKind;

import java.time.LocalDate;

/** What the unit says of a work measure: the same for recording and for correcting it. */
public record MeasureDetails(MeasureKind kind, String title, String documentNumber, LocalDate issuedOn, String issuer,
                             String description) {

    /** Trimmed, with blank optional fields as none. */
    MeasureDetails normalized() {
        return new MeasureDetails(kind, title == null ? null : title.strip(), blankToNull(documentNumber), issuedOn,
                blankToNull(issuer), blankToNull(description));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
