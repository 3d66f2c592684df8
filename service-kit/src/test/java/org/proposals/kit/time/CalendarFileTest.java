package org.proposals.kit.time;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an operator's file may hold, and what each mistake in it is reported as. */
class CalendarFileTest {

    private static CalendarFile parse(String fileName, String text) {
        return CalendarFile.parse("/etc/calendar/" + fileName, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(String fileName, String text) {
        return assertThrows(CalendarFileException.class, () -> parse(fileName, text)).errors();
    }

    private static List<String> errors(String text) {
        return errors("cn-2025.csv", text);
    }

    @Test
    void commentsBlankLinesSpacesAndAByteOrderMarkAreAllowed() {
        CalendarFile file = parse("cn-2025.csv", """
                \uFEFF# Source: 国务院办公厅关于2025年部分节假日安排的通知

                date, type, name
                # 春节
                2025-02-08 , WORKDAY , 春节调休上班\r
                2025-01-28,HOLIDAY,春节
                """);

        assertEquals(2025, file.year());
        assertEquals("/etc/calendar/cn-2025.csv", file.source());
        assertEquals(List.of(
                new CalendarDay(LocalDate.of(2025, 1, 28), CalendarDay.Type.HOLIDAY, "春节"),
                new CalendarDay(LocalDate.of(2025, 2, 8), CalendarDay.Type.WORKDAY, "春节调休上班")),
                file.days(), "in date order, whatever the order of the lines");
    }

    @Test
    void aHolidayOnAWeekendIsFine() {
        CalendarFile file = parse("cn-2025.csv", "date,type,name\n2025-10-04,HOLIDAY,国庆节、中秋节\n");

        assertEquals(1, file.days().size());
    }

    @Test
    void aMakeUpWorkingDayOnAWeekdayIsAnError() {
        assertEquals(List.of("line 2: 2025-10-09 is a Thursday, a working day anyway: a WORKDAY (调休上班) is a"
                + " Saturday or a Sunday"), errors("date,type,name\n2025-10-09,WORKDAY,国庆节调休上班\n"));
    }

    @Test
    void aDateOutsideTheFilesYearIsAnError() {
        assertEquals(List.of("line 2: 2024-12-31 is not in 2025, the year of this file"),
                errors("date,type,name\n2024-12-31,HOLIDAY,元旦\n"));
    }

    @Test
    void aDateListedTwiceIsAnError() {
        assertEquals(List.of("line 4: 2025-10-01 is listed already, on line 2"), errors("""
                date,type,name
                2025-10-01,HOLIDAY,国庆节
                2025-10-02,HOLIDAY,国庆节
                2025-10-01,HOLIDAY,国庆节、中秋节
                """));
    }

    @Test
    void malformedLinesAreErrors() {
        assertEquals(List.of("line 2: expected 3 values (date,type,name), found 2: 2025-01-01,HOLIDAY"),
                errors("date,type,name\n2025-01-01,HOLIDAY\n"));
        assertEquals(List.of("line 2: expected 3 values (date,type,name), found 4: 2025-10-01,HOLIDAY,国庆节,中秋节"),
                errors("date,type,name\n2025-10-01,HOLIDAY,国庆节,中秋节\n"));
        assertEquals(List.of("line 2: '2025-02-30' is not a date written YYYY-MM-DD"),
                errors("date,type,name\n2025-02-30,HOLIDAY,春节\n"));
        assertEquals(List.of("line 2: '2025/1/28' is not a date written YYYY-MM-DD"),
                errors("date,type,name\n2025/1/28,HOLIDAY,春节\n"));
        assertEquals(List.of("line 2: the type must be HOLIDAY or WORKDAY, not 'holiday'"),
                errors("date,type,name\n2025-01-28,holiday,春节\n"));
        assertEquals(List.of("line 2: the name is empty; name the holiday (春节) or the make-up working day (春节调休上班)"),
                errors("date,type,name\n2025-01-28,HOLIDAY, \n"));
    }

    @Test
    void theHeaderIsRequired() {
        assertEquals(List.of("line 2: the first line that is not a comment must be the header date,type,name, not"
                + " 2025-01-01,HOLIDAY,元旦"), errors("# no header\n2025-01-01,HOLIDAY,元旦\n2025-01-28,HOLIDAY,春节\n"));
    }

    @Test
    void aFileWithoutDatesIsAnError() {
        assertEquals(List.of("the file lists no dates; a year always has holidays"),
                errors("# 2025\ndate,type,name\n"));
        assertEquals(List.of("the file has no header (date,type,name) and lists no dates"), errors(""));
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnce() {
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> parse("cn-2025.csv", """
                date,type,name
                2025-01-28,HOLIDAY,春节
                2025-01-29,HOLIDY,春节
                2025-01-30,HOLIDAY,春节
                2026-01-31,HOLIDAY,春节
                """));

        assertEquals("/etc/calendar/cn-2025.csv", e.source());
        assertEquals("""
                calendar file /etc/calendar/cn-2025.csv has 2 errors:
                  line 3: the type must be HOLIDAY or WORKDAY, not 'HOLIDY'
                  line 5: 2026-01-31 is not in 2025, the year of this file""", e.getMessage());
    }

    @Test
    void theFileNameGivesTheYear() {
        assertEquals(List.of("the file name must be cn-YYYY.csv, with the year it lists (cn-2027.csv), not 2025.csv"),
                errors("2025.csv", "date,type,name\n2025-01-01,HOLIDAY,元旦\n"));
        assertEquals(2027, CalendarFile.yearOf("cn-2027.csv").getAsInt());
        assertEquals(true, CalendarFile.yearOf("CN-2027.CSV").isEmpty());
    }

    @Test
    void aFileNotInUtf8IsAnError() {
        byte[] gbk = "date,type,name\n2025-01-28,HOLIDAY,春节\n".getBytes(Charset.forName("GBK"));

        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> CalendarFile.parse("/etc/calendar/cn-2025.csv", "cn-2025.csv", gbk));

        assertEquals(List.of("the file is not UTF-8 text; save it as UTF-8"), e.errors());
    }
}
