package org.proposals.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a session numbers its proposals, e.g. {@code {year}{seq:4}} gives 20220024 for the 24th proposal of
 * 2022. Placeholders: {@code {year}}, {@code {term}} (届), {@code {session}} (次) and exactly one
 * {@code {seq}} or {@code {seq:N}} (the sequence, zero-padded to N digits); anything else is literal text
 * such as {@code 第}, {@code -} or {@code 号}.
 */
public final class ProposalNumberFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(year|term|session|seq)(?::(\\d))?}");
    private static final Pattern LITERAL = Pattern.compile("[\\p{IsHan}A-Za-z0-9\\-_/.()（）〔〕\\[\\] ]*");
    private static final int MAX_LENGTH = 60;

    private final String pattern;
    private final List<Object> parts;

    private ProposalNumberFormat(String pattern, List<Object> parts) {
        this.pattern = pattern;
        this.parts = parts;
    }

    /** @throws IllegalArgumentException with a reason fit for the caller when the pattern is not usable */
    public static ProposalNumberFormat parse(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be 1 to " + MAX_LENGTH + " characters");
        }
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int at = 0;
        int sequences = 0;
        while (m.find()) {
            literal(pattern.substring(at, m.start()), parts);
            Placeholder placeholder = new Placeholder(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
            if (placeholder.name.equals("seq")) {
                sequences++;
            } else if (placeholder.width > 0) {
                throw new IllegalArgumentException("only {seq} takes a width, as in {seq:4}");
            }
            parts.add(placeholder);
            at = m.end();
        }
        literal(pattern.substring(at), parts);
        if (sequences != 1) {
            throw new IllegalArgumentException("must contain {seq} (or {seq:N}) exactly once, e.g. {year}{seq:4}");
        }
        return new ProposalNumberFormat(pattern, List.copyOf(parts));
    }

    private static void literal(String text, List<Object> parts) {
        if (text.isEmpty()) {
            return;
        }
        if (text.contains("{") || text.contains("}") || !LITERAL.matcher(text).matches()) {
            throw new IllegalArgumentException("unknown placeholder or character in '" + text
                    + "': use {year}, {term}, {session}, {seq:N} and letters, digits, Chinese characters, - _ / .");
        }
        parts.add(text);
    }

    public String format(ProposalSession session, int sequence) {
        StringBuilder number = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                number.append(switch (p.name) {
                    case "year" -> String.valueOf(session.year);
                    case "term" -> String.valueOf(session.term);
                    case "session" -> String.valueOf(session.sessionNumber);
                    default -> p.width == 0 ? String.valueOf(sequence) : String.format("%0" + p.width + "d", sequence);
                });
            } else {
                number.append(part);
            }
        }
        return number.toString();
    }

    /**
     * The sequence a number carries if it is a number of this session in this format, so that numbers given
     * by the committee's own lists (imports) are kept and never handed out again.
     */
    public OptionalInt sequenceOf(ProposalSession session, String number) {
        StringBuilder regex = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                regex.append(switch (p.name) {
                    case "year" -> Pattern.quote(String.valueOf(session.year));
                    case "term" -> Pattern.quote(String.valueOf(session.term));
                    case "session" -> Pattern.quote(String.valueOf(session.sessionNumber));
                    default -> p.width == 0 ? "([1-9][0-9]{0,8})" : "([0-9]{" + p.width + ",9})";
                });
            } else {
                regex.append(Pattern.quote((String) part));
            }
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(number);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int sequence = Integer.parseInt(m.group(1));
        return sequence > 0 && format(session, sequence).equals(number) ? OptionalInt.of(sequence) : OptionalInt.empty();
    }

    /** An example of a number in this format, for error messages. */
    public String example(ProposalSession session) {
        return format(session, 24);
    }

    @Override
    public String toString() {
        return pattern;
    }

    private record Placeholder(String name, int width) {
    }
}
