package org.proposals.kit.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deadline arithmetic on the shipped calendar, around the holidays where it differs from weekdays. */
class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.shipped();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidaysRestAndMakeUpWeekendsAreWorked() {
        assertTrue(CALENDAR.isWorkingDay(date("2025-09-26")), "an ordinary Friday");
        assertFalse(CALENDAR.isWorkingDay(date("2025-09-27")), "an ordinary Saturday");
        assertTrue(CALENDAR.isWorkingDay(date("2025-09-28")), "Sunday worked for 国庆节、中秋节");
        assertFalse(CALENDAR.isWorkingDay(date("2025-10-01")));
        assertFalse(CALENDAR.isWorkingDay(date("2025-10-08")), "a Wednesday, the holiday's last day");
        assertTrue(CALENDAR.isWorkingDay(date("2025-10-09")));
        assertTrue(CALENDAR.isWorkingDay(date("2025-10-11")), "Saturday worked for 国庆节、中秋节");
        assertFalse(CALENDAR.isWorkingDay(date("2025-10-12")), "the Sunday after it rests");
        assertTrue(CALENDAR.isWorkingDay(date("2024-02-09")), "除夕 2024 was a working day; resting was only encouraged");
        assertFalse(CALENDAR.isWorkingDay(date("2025-01-28")), "除夕 is a holiday from 2025");
    }

    @Test
    void fiveWorkingDaysFromTheFridayBeforeNationalDayCountTheMakeUpSunday() {
        // 9/27 Sat rests; 9/28 Sun (1), 9/29 (2), 9/30 (3); 10/1–10/8 rest; 10/9 (4), 10/10 (5)
        assertEquals(date("2025-10-10"), CALENDAR.plusWorkingDays(date("2025-09-26"), 5));
        // 10/9 (1), 10/10 (2), 10/11 Sat worked (3)
        assertEquals(date("2025-10-11"), CALENDAR.plusWorkingDays(date("2025-09-30"), 3));
    }

    @Test
    void fifteenWorkingDaysAcrossTheSpringFestival() {
        // 1/21–1/24 (4), 1/26 Sun worked (5), 1/27 (6); 1/28–2/4 rest; 2/5–2/7 (9), 2/8 Sat worked (10),
        // 2/10–2/14 (15). Counting weekdays alone would give 2/10.
        assertEquals(date("2025-02-14"), CALENDAR.plusWorkingDays(date("2025-01-20"), 15));
    }

    @Test
    void theStartDoesNotCountWhateverItIs() {
        assertEquals(date("2025-09-27"), CALENDAR.plusWorkingDays(date("2025-09-27"), 0), "0 is the start itself");
        assertEquals(date("2025-10-09"), CALENDAR.plusWorkingDays(date("2025-10-01"), 1),
                "from a holiday, the first working day after it is day 1");
        assertEquals(date("2025-03-10"), CALENDAR.plusWorkingDays(date("2025-03-08"), 1), "from a Saturday");
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.plusWorkingDays(date("2025-03-10"), -1));
    }

    @Test
    void aMonthDeadlineOnAHolidayMovesToTheDayAfterTheHolidayEnds() {
        assertEquals(date("2025-10-09"), CALENDAR.plusMonths(date("2025-07-01"), 3), "10/1 is 国庆节");
        assertEquals(date("2025-05-06"), CALENDAR.plusMonths(date("2025-02-02"), 3), "5/2 is 劳动节, to 5/5");
        assertEquals(date("2025-06-16"), CALENDAR.plusMonths(date("2025-03-15"), 3), "6/15 is an ordinary Sunday");
        assertEquals(date("2025-07-15"), CALENDAR.plusMonths(date("2025-04-15"), 3), "a Tuesday stays");
    }

    @Test
    void aMonthDeadlineWithoutItsDayInTheMonthEndsOnTheMonthsLastDay() {
        assertEquals(date("2025-02-28"), CALENDAR.plusMonths(date("2024-11-30"), 3), "a Friday");
        assertEquals(date("2024-02-29"), CALENDAR.plusMonths(date("2024-01-31"), 1), "a leap year");
        assertEquals(date("2026-02-28"), CALENDAR.plusMonths(date("2025-11-30"), 3),
                "a Saturday, but one worked for 春节 2026, so the period ends on it");
        assertEquals(date("2025-06-03"), CALENDAR.plusMonths(date("2025-03-31"), 2),
                "5/31 is 端午节, which ends on 6/2, so the period ends in the next month");
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.plusMonths(date("2025-03-31"), -1));
    }

    @Test
    void aPeriodInDaysEndingOnARestDayEndsOnTheNextWorkingDay() {
        assertEquals(date("2025-10-09"), CALENDAR.nextWorkingDayFrom(date("2025-09-24").plusDays(7)),
                "7 days after 9/24 is 10/1, in 国庆节、中秋节");
        assertEquals(date("2025-10-11"), CALENDAR.nextWorkingDayFrom(date("2025-10-11")), "a make-up Saturday is worked");
        assertEquals(date("2025-10-13"), CALENDAR.nextWorkingDayFrom(date("2025-10-12")), "an ordinary Sunday");
        assertEquals(date("2025-10-14"), CALENDAR.nextWorkingDayFrom(date("2025-10-14")), "a working day stays");
    }

    @Test
    void workingDaysBetweenIsHowLateSomethingWas() {
        LocalDate due = date("2025-10-10");
        assertEquals(0, CALENDAR.workingDaysBetween(due, due), "on the due date");
        // 10/11 Sat worked (1), 10/12 Sun rests, 10/13 (2), 10/14 (3)
        assertEquals(3, CALENDAR.workingDaysBetween(due, date("2025-10-14")));
        assertEquals(5, CALENDAR.workingDaysBetween(date("2025-09-26"), due), "the inverse of plusWorkingDays");
        assertEquals(-5, CALENDAR.workingDaysBetween(due, date("2025-09-26")), "early, by as many working days");
        assertEquals(0, CALENDAR.workingDaysBetween(date("2025-09-30"), date("2025-10-08")),
                "nothing is late for the days of a holiday");
        assertEquals(248, CALENDAR.workingDaysBetween(date("2024-12-31"), date("2025-12-31")),
                "2025 has 248 working days");
    }

    @Test
    void holidaysHaveTheNoticesNames() {
        assertEquals(Optional.of("春节"), CALENDAR.holidayName(date("2025-01-28")));
        assertEquals(Optional.of("国庆节、中秋节"), CALENDAR.holidayName(date("2025-10-05")));
        assertEquals(Optional.empty(), CALENDAR.holidayName(date("2025-09-28")), "a make-up working day is no holiday");
        assertEquals(Optional.empty(), CALENDAR.holidayName(date("2025-10-09")));
    }

    @Test
    void theShippedYearsAreCovered() {
        assertEquals(Set.of(2024, 2025, 2026), CALENDAR.coveredYears());
        assertTrue(CALENDAR.covers(date("2025-06-30")));
        assertTrue(CALENDAR.covers(date("2024-01-01"), date("2026-12-31")));
        assertFalse(CALENDAR.covers(date("2023-12-31")));
    }
}
