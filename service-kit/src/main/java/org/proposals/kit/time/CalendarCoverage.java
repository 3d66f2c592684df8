package org.proposals.kit.time;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the working-day calendar when the service starts, so that a broken calendar file stops it then
 * rather than at the first deadline, and warns when a year that deadlines can reach is not covered: the
 * current year, and the next one once the longest clock started today can end in it (a reply extended to
 * {@value #LONGEST_CLOCK_MONTHS} months in all). The next year's notice is published in October or
 * November, so a warning about it earlier in the year could not be acted on.
 */
@ApplicationScoped
public class CalendarCoverage {

    /** The longest deadline in months: a formal reply with its extensions, 6 months in all. */
    static final int LONGEST_CLOCK_MONTHS = 6;

    private static final Logger LOG = Logger.getLogger(CalendarCoverage.class);

    void check(@Observes StartupEvent startup, WorkingCalendar calendar, CityClock clock) {
        List<Integer> missing = missingYears(calendar, clock.today());
        if (!missing.isEmpty()) {
            LOG.warnf("The working-day calendar does not cover %s (it covers %s): deadlines there count only"
                            + " Saturdays and Sundays as rest days. Add the State Council's holiday notice for the year"
                            + " as cn-YYYY.csv in the directory named by calendar.directory.",
                    missing, calendar.coveredYears());
        }
    }

    /** The years deadlines started on {@code today} can reach that the calendar does not cover. */
    static List<Integer> missingYears(WorkingCalendar calendar, LocalDate today) {
        List<Integer> missing = new ArrayList<>();
        for (int year = today.getYear(); year <= today.plusMonths(LONGEST_CLOCK_MONTHS).getYear(); year++) {
            if (!calendar.coveredYears().contains(year)) {
                missing.add(year);
            }
        }
        return missing;
    }
}
