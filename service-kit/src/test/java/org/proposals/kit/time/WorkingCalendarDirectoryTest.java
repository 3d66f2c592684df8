package org.proposals.kit.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator's calendar directory adds years and replaces shipped ones. */
class WorkingCalendarDirectoryTest {

    @TempDir
    Path directory;

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aYearPublishedAfterTheReleaseIsAdded() throws IOException {
        write("cn-2027.csv", """
                # a year the operator copied from its notice
                date,type,name
                2027-01-01,HOLIDAY,元旦
                2027-01-03,WORKDAY,元旦调休上班
                """);

        WorkingCalendar calendar = WorkingCalendar.load(Optional.of(directory));

        assertEquals(Set.of(2024, 2025, 2026, 2027), calendar.coveredYears());
        assertFalse(calendar.isWorkingDay(date("2027-01-01")));
        assertTrue(calendar.isWorkingDay(date("2027-01-03")), "a Sunday worked");
        assertTrue(calendar.covers(date("2026-12-01"), date("2027-03-01")));
        assertEquals(directory.resolve("cn-2027.csv").toString(), calendar.files().get(3).source());
    }

    @Test
    void anOperatorsYearReplacesTheShippedOneWhole() throws IOException {
        // say the city keeps 10/9 as a local rest day, and the operator lists 国庆节 alone
        write("cn-2025.csv", """
                date,type,name
                2025-10-01,HOLIDAY,国庆节
                2025-10-09,HOLIDAY,地方休息日
                """);

        WorkingCalendar calendar = WorkingCalendar.load(Optional.of(directory));

        assertFalse(calendar.isWorkingDay(date("2025-10-09")));
        assertEquals(Optional.of("地方休息日"), calendar.holidayName(date("2025-10-09")));
        assertTrue(calendar.isWorkingDay(date("2025-10-02")), "the shipped 2025 is not merged in");
        assertFalse(calendar.isWorkingDay(date("2025-09-28")), "nor its make-up Sunday");
        assertFalse(calendar.isWorkingDay(date("2024-10-01")), "the other shipped years stay");
        assertEquals(directory.resolve("cn-2025.csv").toString(), calendar.files().get(1).source());
        assertEquals("classpath:calendar/cn-2024.csv", calendar.files().get(0).source());
    }

    @Test
    void otherFilesInTheDirectoryAreIgnored() throws IOException {
        write("README.txt", "notices are kept in the archive");
        write("cn-2027.csv.bak", "not read");
        Files.createDirectory(directory.resolve("old"));

        assertEquals(Set.of(2024, 2025, 2026), WorkingCalendar.load(Optional.of(directory)).coveredYears());
    }

    @Test
    void aCsvFileNamedOtherwiseIsRefusedRatherThanSkipped() throws IOException {
        write("2027.csv", "date,type,name\n2027-01-01,HOLIDAY,元旦\n");

        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> WorkingCalendar.load(Optional.of(directory)));

        assertEquals(directory.resolve("2027.csv").toString(), e.source());
        assertTrue(e.getMessage().contains("cn-YYYY.csv"), e.getMessage());
    }

    @Test
    void aBrokenFileStopsTheLoadNamingFileAndLine() throws IOException {
        write("cn-2027.csv", """
                date,type,name
                2027-01-01,HOLIDAY,元旦
                2027-01-04,WORKDAY,元旦调休上班
                """);

        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> WorkingCalendar.load(Optional.of(directory)));

        assertEquals("calendar file " + directory.resolve("cn-2027.csv")
                + ": line 3: 2027-01-04 is a Monday, a working day anyway: a WORKDAY (调休上班) is a Saturday or a Sunday",
                e.getMessage());
    }

    @Test
    void aDirectoryThatIsNotThereIsAnError() {
        Path missing = directory.resolve("calendar");

        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> WorkingCalendar.load(Optional.of(missing)));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }
}
