package org.proposals.assignment.service;

import org.proposals.kit.time.WorkingCalendar;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as the regulations state it: so many working days ({@code 5WD}), calendar days ({@code 7D})
 * or calendar months ({@code 3M}).
 */
public record TimeLimit(int amount, Unit unit) {

    public enum Unit {
        WORKING_DAYS("WD"), DAYS("D"), MONTHS("M");

        final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,3})\\s*(WD|D|M)\\s*", Pattern.CASE_INSENSITIVE);

    /** @throws IllegalArgumentException naming the accepted forms */
    public static TimeLimit parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time limit such as 5WD (working days), 7D (days) or 3M (months)");
        }
        String suffix = m.group(2).toUpperCase();
        Unit unit = suffix.equals("WD") ? Unit.WORKING_DAYS : suffix.equals("D") ? Unit.DAYS : Unit.MONTHS;
        return new TimeLimit(Integer.parseInt(m.group(1)), unit);
    }

    /** The last day of the limit counted from {@code start}, which itself does not count. */
    public LocalDate dueFrom(LocalDate start, WorkingCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(start, amount);
            case DAYS -> calendar.nextWorkingDayFrom(start.plusDays(amount));
            case MONTHS -> calendar.plusMonths(start, amount);
        };
    }

    @Override
    public String toString() {
        return amount + unit.suffix;
    }
}
