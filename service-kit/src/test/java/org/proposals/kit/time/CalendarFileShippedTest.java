package org.proposals.kit.time;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped files against the State Council's notices: each holiday's first and last day and length,
 * the make-up working days, and the working days of the year, so that a mistyped date cannot pass.
 */
class CalendarFileShippedTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.shipped();

    /** A holiday as its notice states it: from, to, and how many days in all. */
    private record Holiday(String name, String from, String to, int days) {
    }

    private static final Map<Integer, List<Holiday>> HOLIDAYS = Map.of(
            // 国务院办公厅关于2024年部分节假日安排的通知, 2023-10-25
            2024, List.of(
                    new Holiday("元旦", "2024-01-01", "2024-01-01", 1),
                    new Holiday("春节", "2024-02-10", "2024-02-17", 8),
                    new Holiday("清明节", "2024-04-04", "2024-04-06", 3),
                    new Holiday("劳动节", "2024-05-01", "2024-05-05", 5),
                    new Holiday("端午节", "2024-06-10", "2024-06-10", 1),
                    new Holiday("中秋节", "2024-09-15", "2024-09-17", 3),
                    new Holiday("国庆节", "2024-10-01", "2024-10-07", 7)),
            // 国务院办公厅关于2025年部分节假日安排的通知, 2024-11-12
            2025, List.of(
                    new Holiday("元旦", "2025-01-01", "2025-01-01", 1),
                    new Holiday("春节", "2025-01-28", "2025-02-04", 8),
                    new Holiday("清明节", "2025-04-04", "2025-04-06", 3),
                    new Holiday("劳动节", "2025-05-01", "2025-05-05", 5),
                    new Holiday("端午节", "2025-05-31", "2025-06-02", 3),
                    new Holiday("国庆节、中秋节", "2025-10-01", "2025-10-08", 8)),
            // 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04
            2026, List.of(
                    new Holiday("元旦", "2026-01-01", "2026-01-03", 3),
                    new Holiday("春节", "2026-02-15", "2026-02-23", 9),
                    new Holiday("清明节", "2026-04-04", "2026-04-06", 3),
                    new Holiday("劳动节", "2026-05-01", "2026-05-05", 5),
                    new Holiday("端午节", "2026-06-19", "2026-06-21", 3),
                    new Holiday("中秋节", "2026-09-25", "2026-09-27", 3),
                    new Holiday("国庆节", "2026-10-01", "2026-10-07", 7)));

    private static final Map<Integer, List<String>> MAKE_UP_WORKING_DAYS = Map.of(
            2024, List.of("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
                    "2024-09-29", "2024-10-12"),
            2025, List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"),
            2026, List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"));

    /** Weekdays less the holidays' weekdays plus the make-up days: 2024's 251 is the figure widely reported. */
    private static final Map<Integer, Integer> WORKING_DAYS = Map.of(2024, 251, 2025, 248, 2026, 248);

    @Test
    void everyShippedFileIsLoadedAndEveryLoadedYearShipped() throws IOException, URISyntaxException {
        Path directory = Path.of(WorkingCalendar.class.getClassLoader().getResource("calendar").toURI());
        List<Integer> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.map(path -> CalendarFile.yearOf(path.getFileName().toString()).orElseThrow())
                    .sorted()
                    .toList();
        }
        assertEquals(WorkingCalendar.SHIPPED_YEARS, files, "calendar/ holds cn-YYYY.csv files only, all of them loaded");
        assertEquals(HOLIDAYS.keySet(), CALENDAR.coveredYears(), "every shipped year is checked here");
    }

    @Test
    void eachHolidayHasTheNoticesDatesAndLength() {
        for (CalendarFile file : CALENDAR.files()) {
            Map<String, List<LocalDate>> byName = new LinkedHashMap<>();
            for (CalendarDay day : file.days()) {
                if (day.type() == CalendarDay.Type.HOLIDAY) {
                    byName.computeIfAbsent(day.name(), name -> new java.util.ArrayList<>()).add(day.date());
                }
            }
            List<Holiday> expected = HOLIDAYS.get(file.year());
            assertEquals(expected.stream().map(Holiday::name).toList(), List.copyOf(byName.keySet()),
                    file.year() + ": the holidays, in order");
            for (Holiday holiday : expected) {
                List<LocalDate> dates = byName.get(holiday.name());
                String which = file.year() + " " + holiday.name();
                assertEquals(holiday.days(), dates.size(), which + ": days");
                assertEquals(LocalDate.parse(holiday.from()), dates.get(0), which + ": first day");
                assertEquals(LocalDate.parse(holiday.to()), dates.get(dates.size() - 1), which + ": last day");
                assertEquals(holiday.days() - 1, dates.get(0).until(dates.get(dates.size() - 1)).getDays(),
                        which + ": without gaps");
            }
        }
    }

    @Test
    void theMakeUpWorkingDaysAreTheNoticesAndNamedForTheirHoliday() {
        for (CalendarFile file : CALENDAR.files()) {
            List<CalendarDay> workdays = file.days().stream()
                    .filter(day -> day.type() == CalendarDay.Type.WORKDAY)
                    .toList();
            assertEquals(MAKE_UP_WORKING_DAYS.get(file.year()),
                    workdays.stream().map(day -> day.date().toString()).toList(), file.year() + ": make-up days");
            for (CalendarDay day : workdays) {
                assertTrue(day.name().endsWith("调休上班"), day.toString());
                String holiday = day.name().substring(0, day.name().length() - "调休上班".length());
                assertTrue(HOLIDAYS.get(file.year()).stream().anyMatch(h -> h.name().equals(holiday)), day.toString());
            }
        }
    }

    @Test
    void eachYearHasItsNumberOfWorkingDays() {
        for (int year : CALENDAR.coveredYears()) {
            assertEquals(WORKING_DAYS.get(year), CALENDAR.workingDaysBetween(LocalDate.of(year - 1, 12, 31),
                    LocalDate.of(year, 12, 31)), year + ": working days");
        }
    }
}
