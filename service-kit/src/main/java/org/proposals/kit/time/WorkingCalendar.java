package org.proposals.kit.time;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * China's official working days, for the deadlines the regulations set in working days (sign-for, first
 * contact, the evaluation form) and in months (the formal reply). A working day is a Monday to Friday that
 * is not a public holiday, or a Saturday or Sunday that the State Council's notice for the year makes a
 * make-up working day (调休上班). Services inject it (see {@link WorkingCalendarProducer}):
 *
 * <pre>{@code
 * LocalDate signForDue = calendar.plusWorkingDays(assignedOn, 5);      // 5 working days after assignment
 * LocalDate replyDue = calendar.plusMonths(assignedOn, 3);             // 3 months, off a holiday
 * int daysLate = Math.max(0, calendar.workingDaysBetween(signForDue, signedOn));
 * boolean provisional = !calendar.covers(assignedOn, replyDue);        // a year without its file
 * }</pre>
 *
 * <p>The years come from {@code calendar/cn-YYYY.csv} on the classpath and, when {@code calendar.directory}
 * is set, from the operator's files there, a year's file there replacing the shipped one (see
 * {@link CalendarFile} for the format).
 *
 * <p><b>Years not covered.</b> For a date in a year that no file lists, Saturdays and Sundays are rest days
 * and every other day is a working day, so a deadline there may be off by that year's holidays. The
 * calendar logs a warning the first time a computation touches such a year; a caller that stores a
 * deadline checks {@link #covers(LocalDate, LocalDate)} for the span from the start to the deadline and
 * shows the deadline as provisional when it is false.
 *
 * <p>Immutable and safe to share between threads (the record of years already warned about only keeps the
 * log from repeating itself).
 */
public final class WorkingCalendar {

    /** The years shipped in {@code calendar/} on the classpath; a year published later is added by an operator. */
    static final List<Integer> SHIPPED_YEARS = List.of(2024, 2025, 2026);

    private static final Logger LOG = Logger.getLogger(WorkingCalendar.class);

    private final SortedMap<Integer, CalendarFile> files;
    private final Map<LocalDate, CalendarDay> days;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    private WorkingCalendar(SortedMap<Integer, CalendarFile> files) {
        this.files = Collections.unmodifiableSortedMap(files);
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        for (CalendarFile file : files.values()) {
            for (CalendarDay day : file.days()) {
                days.put(day.date(), day);
            }
        }
        this.days = Map.copyOf(days);
    }

    /** The years shipped on the classpath. */
    public static WorkingCalendar shipped() {
        return load(Optional.empty());
    }

    /**
     * The shipped years, with the operator's {@code cn-YYYY.csv} files in {@code directory} (when given)
     * replacing or adding years. Other files in the directory are ignored, except a {@code .csv} file of
     * another name, which is most likely a year misnamed and is refused.
     *
     * @throws CalendarFileException when a file is broken or the directory is not one
     */
    public static WorkingCalendar load(Optional<Path> directory) {
        SortedMap<Integer, CalendarFile> byYear = new TreeMap<>();
        for (int year : SHIPPED_YEARS) {
            byYear.put(year, shippedFile(year));
        }
        if (directory.isPresent()) {
            for (CalendarFile file : operatorFiles(directory.get())) {
                byYear.put(file.year(), file);
            }
        }
        return new WorkingCalendar(byYear);
    }

    private static CalendarFile shippedFile(int year) {
        String name = "cn-" + year + ".csv";
        String resource = "calendar/" + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = WorkingCalendar.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped calendar " + resource + " is missing from the classpath");
            }
            return CalendarFile.parse("classpath:" + resource, name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped calendar " + resource + " could not be read", e);
        }
    }

    private static List<CalendarFile> operatorFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CalendarFileException(directory.toString(), List.of(
                    "calendar.directory is set to this path, which is not a directory"));
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries
                    .filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .map(CalendarFile::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("calendar.directory " + directory + " could not be listed", e);
        }
    }

    /** Whether {@code date} is worked: a Monday to Friday that is not a holiday, or a make-up working day. */
    public boolean isWorkingDay(LocalDate date) {
        noteCoverage(date, date);
        return worked(date);
    }

    /**
     * The deadline {@code days} working days after {@code start}: {@code start} itself does not count
     * (民法典 第二百零一条: the day a period begins is not counted), whether or not it is a working day, so
     * 5 working days after a Friday is the next Friday in an ordinary week. With 0 it is {@code start}.
     */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (worked(date)) {
                left--;
            }
        }
        noteCoverage(start.plusDays(1), date);
        return date;
    }

    /**
     * The working days after {@code fromExclusive} up to and including {@code toInclusive}: for lateness,
     * {@code workingDaysBetween(due, done)} is how many working days late {@code done} was (0 on the due date
     * itself). Negative, by the same count, when {@code toInclusive} is before {@code fromExclusive}, so that
     * {@code plusWorkingDays(a, workingDaysBetween(a, b))} is {@code b} whenever {@code b} is a working day
     * after {@code a}.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate date = fromExclusive.plusDays(1); !date.isAfter(toInclusive); date = date.plusDays(1)) {
            if (worked(date)) {
                count++;
            }
        }
        noteCoverage(fromExclusive.plusDays(1), toInclusive);
        return count;
    }

    /**
     * The deadline {@code months} calendar months after {@code start}, as Chinese law counts such a period:
     * the same day of the month {@code months} later, or the last day of that month when it has no such day
     * (民法典 第二百零二条: 3 months after 30 November is 28 or 29 February); and when that day is a rest day,
     * the next working day (民法典 第二百零三条: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日";
     * 民事诉讼法 (2021年修正) 第八十五条 says the same, "以法定休假日后的第一日为期间届满的日期"). A rest day here
     * is a holiday or a weekend (as the courts apply the rule, 法定休假日 include Saturdays and Sundays); a
     * make-up working day is worked, so a period that ends on one ends there.
     */
    public LocalDate plusMonths(LocalDate start, int months) {
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative: " + months);
        }
        LocalDate end = start.plusMonths(months);
        LocalDate date = end;
        while (!worked(date)) {
            date = date.plusDays(1);
        }
        noteCoverage(end, date);
        return date;
    }

    /**
     * {@code date} when it is a working day, otherwise the first working day after it: the end of a period
     * counted in calendar days ("within 7 days") whose last day is a rest day, by the same rule as
     * {@link #plusMonths} (民法典 第二百零三条), as in {@code nextWorkingDayFrom(decidedFrom.plusDays(7))}.
     */
    public LocalDate nextWorkingDayFrom(LocalDate date) {
        LocalDate next = date;
        while (!worked(next)) {
            next = next.plusDays(1);
        }
        noteCoverage(date, next);
        return next;
    }

    /** The holiday {@code date} is a rest day of ({@code 春节}, {@code 国庆节、中秋节}), as the notice names it. */
    public Optional<String> holidayName(LocalDate date) {
        noteCoverage(date, date);
        CalendarDay day = days.get(date);
        return day != null && day.type() == CalendarDay.Type.HOLIDAY ? Optional.of(day.name()) : Optional.empty();
    }

    /** The years the calendar has a file for, in order. */
    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(files.keySet()));
    }

    /** Whether the calendar knows the holidays of {@code date}'s year. */
    public boolean covers(LocalDate date) {
        return files.containsKey(date.getYear());
    }

    /**
     * Whether the calendar knows the holidays of every year from {@code from} to {@code to}: a deadline
     * computed from {@code from} that came out as {@code to} is exact when this is true, and otherwise
     * counts a year without its holidays.
     */
    public boolean covers(LocalDate from, LocalDate to) {
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        for (int year = first; year <= last; year++) {
            if (!files.containsKey(year)) {
                return false;
            }
        }
        return true;
    }

    /** The files the calendar was made of, one per covered year, in year order; each says where it came from. */
    public List<CalendarFile> files() {
        return List.copyOf(files.values());
    }

    private boolean worked(LocalDate date) {
        CalendarDay day = days.get(date);
        if (day != null) {
            return day.type() == CalendarDay.Type.WORKDAY;
        }
        return !CalendarFile.isWeekend(date);
    }

    /** Warns, once per year, when the days from {@code from} to {@code to} that a computation looked at are in a year not covered. */
    private void noteCoverage(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!files.containsKey(year) && warnedYears.add(year)) {
                LOG.warnf("The working-day calendar has no file for %d (it covers %s): in %d only Saturdays and"
                                + " Sundays are counted as rest days, so deadlines there may be off by that year's"
                                + " holidays. Add cn-%d.csv to the directory named by calendar.directory.",
                        year, coveredYears(), year, year);
            }
        }
    }
}
