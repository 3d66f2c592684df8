package org.proposals.kit.time;

import java.util.List;

/**
 * A calendar file that cannot be used, with every error found in it, each naming its line. It is thrown
 * while the calendar is loaded, so that a service with a broken calendar does not start rather than count
 * deadlines on the wrong days.
 */
public class CalendarFileException extends RuntimeException {

    private final String source;
    private final List<String> errors;

    public CalendarFileException(String source, List<String> errors) {
        super(message(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** Where the file is: its path, or {@code classpath:calendar/cn-2025.csv} for a shipped one. */
    public String source() {
        return source;
    }

    /** Each error, such as {@code line 12: 2025-10-09 is a Thursday, ...}. */
    public List<String> errors() {
        return errors;
    }

    private static String message(String source, List<String> errors) {
        if (errors.size() == 1) {
            return "calendar file " + source + ": " + errors.get(0);
        }
        return "calendar file " + source + " has " + errors.size() + " errors:\n  " + String.join("\n  ", errors);
    }
}
