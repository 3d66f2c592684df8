package org.proposals.kit.time;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date on which the official calendar departs from "Monday to Friday work, Saturday and Sunday rest":
 * a rest day of a public holiday, or a weekend day worked in exchange for one.
 *
 * @param name the holiday as the State Council's notice names it ({@code 春节}), or the make-up working day
 *             ({@code 春节调休上班})
 */
public record CalendarDay(LocalDate date, Type type, String name) {

    public enum Type {
        /** 放假: a rest day of a public holiday, whether it falls on a weekday or on a weekend. */
        HOLIDAY,
        /** 调休上班: a Saturday or Sunday that is worked, in exchange for a weekday of a holiday. */
        WORKDAY
    }

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
