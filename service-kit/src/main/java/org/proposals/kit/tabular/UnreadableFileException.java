package org.proposals.kit.tabular;

/**
 * An uploaded file that cannot be read as a table: not a CSV or XLSX file, damaged, or beyond the
 * {@link TabularFile.Limits limits}. The message says why in words the person who uploaded it can act on
 * ("row 3: a quoted field is not closed"); a resource answers it with a 400 problem, nothing having been
 * imported.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String reason) {
        super(reason);
    }

    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
