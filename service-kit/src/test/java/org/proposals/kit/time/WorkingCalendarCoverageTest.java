package org.proposals.kit.time;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A year without a file falls back to weekends only, and says so. */
class WorkingCalendarCoverageTest {

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(WorkingCalendar.class.getName());

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aYearNotCoveredCountsWeekdaysAndSaysSo() {
        WorkingCalendar calendar = WorkingCalendar.shipped();

        LocalDate start = date("2030-09-27"); // a Friday
        LocalDate due = calendar.plusWorkingDays(start, 5);

        assertEquals(date("2030-10-04"), due, "国庆节 2030 is not known, so its weekdays count");
        assertTrue(calendar.isWorkingDay(date("2030-10-01")));
        assertFalse(calendar.isWorkingDay(date("2030-10-05")), "a Saturday still rests");
        assertFalse(calendar.covers(start, due));
        assertFalse(calendar.covers(date("2030-01-01")));
        assertEquals(1, warnings.size(), "one warning for the year, however often it is touched");
        String warning = warnings.get(0).getMessage();
        assertTrue(warning.contains("no file for 2030"), warning);
        assertTrue(warning.contains("cn-2030.csv"), warning);
    }

    @Test
    void aDeadlineRunningIntoAYearNotCoveredIsProvisional() {
        WorkingCalendar calendar = WorkingCalendar.shipped();

        LocalDate start = date("2026-12-01");
        LocalDate reply = calendar.plusMonths(start, 3);

        assertEquals(date("2027-03-01"), reply, "a Monday, counted without 2027's holidays");
        assertTrue(calendar.covers(start));
        assertFalse(calendar.covers(start, reply));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("no file for 2027"));

        LocalDate inside = calendar.plusWorkingDays(date("2026-12-01"), 5);
        assertTrue(calendar.covers(date("2026-12-01"), inside), "a deadline within 2026 is exact");
    }

    @Test
    void computationsWithinCoveredYearsWarnOfNothing() {
        WorkingCalendar calendar = WorkingCalendar.shipped();
        calendar.plusWorkingDays(date("2024-12-20"), 15);
        calendar.plusMonths(date("2025-10-01"), 3);
        calendar.workingDaysBetween(date("2024-01-01"), date("2026-12-31"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void atStartUpTheYearsDeadlinesCanReachAreChecked() {
        WorkingCalendar calendar = WorkingCalendar.shipped();

        assertEquals(List.of(), CalendarCoverage.missingYears(calendar, date("2026-06-30")),
                "in June no clock started today ends in 2027");
        assertEquals(List.of(2027), CalendarCoverage.missingYears(calendar, date("2026-07-01")),
                "a reply extended to 6 months can end in 2027");
        assertEquals(List.of(2028), CalendarCoverage.missingYears(calendar, date("2028-03-01")));
        assertEquals(List.of(2023), CalendarCoverage.missingYears(calendar, date("2023-05-01")));
    }
}
