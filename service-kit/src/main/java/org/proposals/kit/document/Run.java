package org.proposals.kit.document;

import java.util.Objects;

/**
 * A piece of a paragraph's text: either text as written, or a placeholder that the office must replace
 * before the document goes out. A placeholder reads {@code 【待填写：what】}, and {@link DocxWriter} highlights
 * it in yellow, so that nobody can overlook one or take it for finished text.
 *
 * @param text        the text as it appears in the document, brackets included for a placeholder
 * @param placeholder whether the office must replace it
 */
public record Run(String text, boolean placeholder) {

    /** What opens every placeholder: someone searching the document for it finds them all. */
    public static final String PLACEHOLDER_OPENING = "【待填写：";
    public static final String PLACEHOLDER_CLOSING = "】";

    public Run {
        Objects.requireNonNull(text, "text");
    }

    public static Run text(String text) {
        return new Run(text, false);
    }

    /** A placeholder saying what to write there, e.g. {@code placeholder("开篇段落")} reads 【待填写：开篇段落】. */
    public static Run placeholder(String what) {
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("a placeholder says what to write");
        }
        return new Run(PLACEHOLDER_OPENING + what + PLACEHOLDER_CLOSING, true);
    }
}
