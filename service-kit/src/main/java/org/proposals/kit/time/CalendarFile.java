package org.proposals.kit.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One year of the official calendar, as an operator reads and edits it: {@code cn-YYYY.csv}, UTF-8, lines
 * starting with {@code #} are comments, then the header {@code date,type,name} and one line per date that
 * differs from "Monday to Friday work, Saturday and Sunday rest":
 *
 * <pre>
 * # Source: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), 2024年11月12日
 * date,type,name
 * 2025-01-26,WORKDAY,春节调休上班
 * 2025-01-28,HOLIDAY,春节
 * </pre>
 *
 * <p>A file is checked whole when it is read, and every error is reported with its line: a line that is not
 * three values, a date that is not one or not in the file's year, a type other than HOLIDAY or WORKDAY, an
 * empty name, a date listed twice, a WORKDAY on a Monday to Friday (those are worked anyway, so it is a
 * mistyped date). A HOLIDAY on a weekend is fine: holidays run through weekends.
 */
public final class CalendarFile {

    private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.csv");
    private static final String HEADER = "date,type,name";

    private final String source;
    private final int year;
    private final List<CalendarDay> days;

    private CalendarFile(String source, int year, List<CalendarDay> days) {
        this.source = source;
        this.year = year;
        this.days = days;
    }

    /** The year a file is for, from its name {@code cn-YYYY.csv}; empty for any other name. */
    public static OptionalInt yearOf(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** Reads an operator's file; its path is the source that errors name. */
    public static CalendarFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("calendar file " + file + " could not be read", e);
        }
        return parse(file.toString(), file.getFileName().toString(), bytes);
    }

    /**
     * Reads a file's contents.
     *
     * @param source   where the file is, for messages
     * @param fileName its name, {@code cn-YYYY.csv}, which gives the year
     */
    public static CalendarFile parse(String source, String fileName, byte[] bytes) {
        OptionalInt year = yearOf(fileName);
        if (year.isEmpty()) {
            throw new CalendarFileException(source, List.of(
                    "the file name must be cn-YYYY.csv, with the year it lists (cn-2027.csv), not " + fileName));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CalendarFileException(source, List.of("the file is not UTF-8 text; save it as UTF-8"));
        }
        return parse(source, year.getAsInt(), text);
    }

    private static CalendarFile parse(String source, int year, String text) {
        if (text.startsWith("\uFEFF")) { // the byte order mark some editors write
            text = text.substring(1);
        }
        List<String> errors = new ArrayList<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        List<CalendarDay> days = new ArrayList<>();
        boolean header = true;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                if (!line.replace(" ", "").equals(HEADER)) {
                    errors.add("line " + lineNumber + ": the first line that is not a comment must be the header "
                            + HEADER + ", not " + line);
                }
                continue;
            }
            CalendarDay day = day(line, year, lineNumber, errors);
            if (day == null) {
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(day.date(), lineNumber);
            if (earlier != null) {
                errors.add("line " + lineNumber + ": " + day.date() + " is listed already, on line " + earlier);
                continue;
            }
            days.add(day);
        }
        if (header) {
            errors.add("the file has no header (" + HEADER + ") and lists no dates");
        } else if (days.isEmpty() && errors.isEmpty()) {
            errors.add("the file lists no dates; a year always has holidays");
        }
        if (!errors.isEmpty()) {
            throw new CalendarFileException(source, errors);
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return new CalendarFile(source, year, Collections.unmodifiableList(days));
    }

    /** The line's date, or null after adding to {@code errors} what is wrong with it. */
    private static CalendarDay day(String line, int year, int lineNumber, List<String> errors) {
        String at = "line " + lineNumber + ": ";
        String[] values = line.split(",", -1);
        if (values.length != 3) {
            errors.add(at + "expected 3 values (date,type,name), found " + values.length + ": " + line);
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(values[0].strip());
        } catch (DateTimeParseException e) {
            errors.add(at + "'" + values[0].strip() + "' is not a date written YYYY-MM-DD");
            return null;
        }
        if (date.getYear() != year) {
            errors.add(at + date + " is not in " + year + ", the year of this file");
            return null;
        }
        CalendarDay.Type type;
        try {
            type = CalendarDay.Type.valueOf(values[1].strip());
        } catch (IllegalArgumentException e) {
            errors.add(at + "the type must be HOLIDAY or WORKDAY, not '" + values[1].strip() + "'");
            return null;
        }
        String name = values[2].strip();
        if (name.isEmpty()) {
            errors.add(at + "the name is empty; name the holiday (春节) or the make-up working day (春节调休上班)");
            return null;
        }
        if (type == CalendarDay.Type.WORKDAY && !isWeekend(date)) {
            errors.add(at + date + " is a " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + ", a working day anyway: a WORKDAY (调休上班) is a Saturday or a Sunday");
            return null;
        }
        return new CalendarDay(date, type, name);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** Where the file was read from: its path, or {@code classpath:calendar/cn-2025.csv}. */
    public String source() {
        return source;
    }

    public int year() {
        return year;
    }

    /** The dates the file lists, in date order. */
    public List<CalendarDay> days() {
        return days;
    }
}
