package org.proposals.assignment.service;

import org.junit.jupiter.api.Test;
import org.proposals.kit.time.WorkingCalendar;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeLimitTest {

    private final WorkingCalendar calendar = WorkingCalendar.shipped();

    @Test
    void limitsReadAsTheRegulationsWriteThem() {
        assertEquals(new TimeLimit(5, TimeLimit.Unit.WORKING_DAYS), TimeLimit.parse("5WD"));
        assertEquals(new TimeLimit(7, TimeLimit.Unit.DAYS), TimeLimit.parse(" 7 d "));
        assertEquals(new TimeLimit(3, TimeLimit.Unit.MONTHS), TimeLimit.parse("3M"));
        assertEquals("15WD", TimeLimit.parse("15wd").toString());
        for (String wrong : new String[]{"", "5", "five WD", "5W", "-1M", "1000D"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeLimit.parse(wrong));
            assertTrue(e.getMessage().contains("5WD (working days), 7D (days) or 3M (months)"), e.getMessage());
        }
    }

    @Test
    void aDeadlineEndingOnARestDayMovesToTheNextWorkingDay() {
        // 7 days from Friday 2025-09-26 is Friday 3 October, in the National Day holiday (1–8 October)
        assertEquals(LocalDate.of(2025, 10, 9), TimeLimit.parse("7D").dueFrom(LocalDate.of(2025, 9, 26), calendar));
        // 7 days from Monday 2025-09-08 is Monday 15 September, an ordinary working day
        assertEquals(LocalDate.of(2025, 9, 15), TimeLimit.parse("7D").dueFrom(LocalDate.of(2025, 9, 8), calendar));
        assertEquals(LocalDate.of(2025, 10, 10), TimeLimit.parse("5WD").dueFrom(LocalDate.of(2025, 9, 26), calendar));
        assertEquals(LocalDate.of(2025, 10, 9), TimeLimit.parse("3M").dueFrom(LocalDate.of(2025, 7, 1), calendar));
    }
}
