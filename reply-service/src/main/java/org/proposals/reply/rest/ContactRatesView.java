package org.proposals.reply.rest;

import org.proposals.reply.service.UnitContactRate;

import java.time.LocalDate;
import java.util.List;

/** Contact and face-to-face rates per unit, of the cases opened between from and to (inclusive, null: open-ended). */
public record ContactRatesView(LocalDate from, LocalDate to, List<UnitContactRate> units) {
}
