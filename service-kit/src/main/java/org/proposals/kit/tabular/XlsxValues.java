package org.proposals.kit.tabular;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How the values an XLSX stores become the text a person saw in the cell: numbers as Excel shows them,
 * date serial numbers as ISO dates, and the {@code _xHHHH_} escapes of OOXML strings. Shared by the
 * reader and the writer, so that what one writes the other reads back unchanged.
 */
final class XlsxValues {

    /** The last column a sheet can have, XFD. */
    static final int MAX_COLUMN = 16_383;

    /** What a cell's number format makes of a number. */
    enum NumberKind {
        NUMBER, DATE, TIME
    }

    /** Excel shows at most 15 significant digits; the 17 it stores carry binary noise (0.1 + 0.2 = 0.30000000000000004). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    /** 1900-01-00 in Excel's 1900 date system, for serial numbers before its nonexistent 1900-02-29 (60). */
    private static final LocalDate EPOCH_1900_BEFORE_LEAP_BUG = LocalDate.of(1899, 12, 31);
    /** The day before 1900-01-00, for serial numbers from 61 on, which count 1900-02-29 as a day. */
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    /** 9999-12-31, the last date Excel has, is serial 2958465. */
    private static final double LAST_SERIAL = 2_958_466;

    private XlsxValues() {
    }

    /**
     * The index of the column a cell reference such as {@code C7} names (2), or -1 when it is not a
     * reference.
     */
    static int columnIndex(String reference) {
        int column = 0;
        int letters = 0;
        while (letters < reference.length()) {
            char c = reference.charAt(letters);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (++letters > 3) {
                return -1;
            }
        }
        return letters == 0 || column - 1 > MAX_COLUMN ? -1 : column - 1;
    }

    /**
     * A stored number as Excel shows it in a General cell: 20220024 (stored as 20220024 or 2.0220024E7)
     * without a decimal point or exponent, decimals plainly and rounded to Excel's 15 digits. Text that is
     * not a number is returned as it is.
     */
    static String number(String stored) {
        String text = stored.strip();
        if (text.isEmpty() || text.length() > 64) {
            return stored; // longer is not a stored double, and parsing it could cost time quadratic in its length
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return stored;
        }
        if (value.signum() == 0) {
            return "0";
        }
        if (value.precision() > EXCEL_PRECISION.getPrecision()) {
            value = value.round(EXCEL_PRECISION);
        }
        value = value.stripTrailingZeros();
        if (Math.abs(value.scale()) > 400) {
            return stored; // beyond a double's range; written out in full it could be any length
        }
        return value.toPlainString();
    }

    /**
     * A date serial number as ISO text: {@code 2022-03-15}, {@code 2022-03-15T09:30} (seconds only when
     * there are some), or {@code 09:30} for a time of day in a {@link NumberKind#TIME} format. Null when the
     * number is no date Excel has, to be shown as a number instead.
     */
    static String dateTime(double serial, boolean date1904, NumberKind kind) {
        if (!(serial >= 0 && serial < LAST_SERIAL)) {
            return null;
        }
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86_400); // to the second: the stored fraction carries noise
        if (seconds == 86_400) {
            days++;
            seconds = 0;
        }
        LocalTime time = LocalTime.ofSecondOfDay(seconds);
        if (kind == NumberKind.TIME && days == 0) {
            return time(time);
        }
        LocalDate date = date1904 ? EPOCH_1904.plusDays(days)
                : days < 60 ? EPOCH_1900_BEFORE_LEAP_BUG.plusDays(days) : EPOCH_1900.plusDays(days);
        return seconds == 0 ? date.toString() : date + "T" + time(time);
    }

    /** A date or date and time written as ISO text in a cell of type {@code d}, in the form of {@link #dateTime}. */
    static String isoDateTime(String stored) {
        try {
            LocalDateTime value = LocalDateTime.parse(stored.strip().replaceFirst("Z$", ""));
            value = value.truncatedTo(ChronoUnit.SECONDS);
            return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString()
                    : value.toLocalDate() + "T" + time(value.toLocalTime());
        } catch (RuntimeException e) {
            return stored;
        }
    }

    private static String time(LocalTime time) {
        return time.getSecond() == 0
                ? String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute())
                : String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    }

    /**
     * What one of the number formats built into Excel shows: 14 to 22 and 45 to 47 everywhere, 27 to 36 and
     * 50 to 58 the dates and times of Chinese, Japanese and Korean Excel, which Chinese offices' files use.
     */
    static NumberKind builtInKind(int numFmtId) {
        return switch (numFmtId) {
            case 14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58 -> NumberKind.DATE;
            case 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56 -> NumberKind.TIME;
            default -> NumberKind.NUMBER;
        };
    }

    /**
     * What a custom number format code shows: a date when it has year, month or day parts outside its
     * quoted text, escapes and [bracketed] colours and locales ({@code yyyy"年"m"月"d"日"},
     * {@code [$-804]yyyy/m/d}), a time when it has only hours, minutes or seconds.
     */
    static NumberKind formatKind(String formatCode) {
        String code = formatCode.toLowerCase(Locale.ROOT).replace("general", ""); // whose e is no era
        boolean date = false;
        boolean time = false;
        boolean m = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            switch (c) {
                case ';' -> i = code.length(); // the first section, for positive numbers, decides
                case '"' -> {
                    int close = code.indexOf('"', i + 1);
                    i = close < 0 ? code.length() : close;
                }
                case '\\', '_', '*' -> i++; // an escaped character, or the one that pads or fills
                case '[' -> {
                    int close = code.indexOf(']', i + 1);
                    String bracket = close < 0 ? "" : code.substring(i + 1, close);
                    if (bracket.matches("h+|m+|s+")) {
                        time = true; // elapsed time, [h]:mm:ss
                    }
                    i = close < 0 ? code.length() : close;
                }
                case 'y', 'd' -> date = true;
                case 'e' -> {
                    // the year of an era in East Asian formats, unless the exponent of 0.00E+00
                    boolean exponent = i + 1 < code.length() && (code.charAt(i + 1) == '+' || code.charAt(i + 1) == '-');
                    date |= !exponent;
                }
                case 'h', 's' -> time = true;
                case 'm' -> m = true;
                default -> {
                }
            }
        }
        if (date) {
            return NumberKind.DATE;
        }
        if (time) {
            return NumberKind.TIME; // an m with hours or seconds is minutes
        }
        return m ? NumberKind.DATE : NumberKind.NUMBER; // an m alone is a month
    }

    /**
     * A string as stored in an XLSX, with the {@code _xHHHH_} escapes of characters XML cannot hold (Excel
     * writes a carriage return as {@code _x000D_}) replaced by the characters.
     */
    static String unescape(String stored) {
        int at = stored.indexOf("_x");
        if (at < 0) {
            return stored;
        }
        StringBuilder text = new StringBuilder(stored.length());
        int from = 0;
        for (; at >= 0; at = stored.indexOf("_x", from)) {
            if (isEscape(stored, at)) {
                text.append(stored, from, at).append((char) Integer.parseInt(stored.substring(at + 2, at + 6), 16));
                from = at + 7;
            } else {
                text.append(stored, from, at + 2);
                from = at + 2;
            }
        }
        return text.append(stored, from, stored.length()).toString();
    }

    /**
     * A string as an XLSX stores it: characters XML cannot hold as {@code _xHHHH_}, and text that would read
     * as such an escape with its underscore escaped ({@code _x005F_}), so that {@link #unescape} returns it
     * unchanged. A carriage return, which XML can hold but a parser would drop from a line break, is left to
     * the XML writer to write as a character reference.
     */
    static String escape(String text) {
        StringBuilder stored = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = null;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                escape = String.format(Locale.ROOT, "_x%04X_", (int) c);
            } else if (c == '_' && isEscape(text, i)) {
                escape = "_x005F_";
            }
            if (escape != null && stored == null) {
                stored = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (stored != null) {
                if (escape != null) {
                    stored.append(escape);
                } else {
                    stored.append(c);
                }
            }
        }
        return stored == null ? text : stored.toString();
    }

    private static boolean isEscape(String s, int at) {
        if (at + 7 > s.length() || s.charAt(at) != '_' || s.charAt(at + 1) != 'x' || s.charAt(at + 6) != '_') {
            return false;
        }
        for (int i = at + 2; i < at + 6; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
