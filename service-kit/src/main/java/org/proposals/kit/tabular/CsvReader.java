package org.proposals.kit.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads CSV as RFC 4180 describes it (quoted fields may hold delimiters, doubled quotes and line breaks),
 * in the encodings offices' files come in: UTF-8 with or without a byte order mark, UTF-16 with one (Excel's
 * "Unicode text"), and otherwise GB18030, the superset of GBK that Excel on a Chinese Windows uses for
 * plain "CSV". Values are separated by commas, or by tabs or semicolons when the header line has more of
 * those than commas.
 *
 * <p>Each record is one row, as a spreadsheet program shows it, so a line break inside a quoted field does
 * not count as a row, and blank lines do.
 */
final class CsvReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvReader() {
    }

    static void read(byte[] bytes, TableBuilder table) {
        String text = decode(bytes);
        checkIsText(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false) // blank lines are rows too, so that the rows after them keep their numbers
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int rowNumber = 0;
            try {
                for (CSVRecord record : parser) {
                    rowNumber = Math.toIntExact(record.getRecordNumber());
                    table.add(rowNumber, record.toList());
                }
            } catch (UncheckedIOException e) {
                throw new UnreadableFileException("row " + (rowNumber + 1) + ": " + reason(e.getCause()), e);
            }
        } catch (IOException e) {
            throw new UnreadableFileException("the CSV could not be read: " + e.getMessage(), e);
        }
    }

    /** The text of the file, in the first of its possible encodings that the bytes are valid in. */
    static String decode(byte[] bytes) {
        if (TabularFile.startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decode(bytes, 3, StandardCharsets.UTF_8, "the file starts as UTF-8 text but is not valid UTF-8");
        }
        if (TabularFile.startsWith(bytes, 0xFF, 0xFE)) {
            return decode(bytes, 2, StandardCharsets.UTF_16LE, "the file starts as UTF-16 text but is not valid UTF-16");
        }
        if (TabularFile.startsWith(bytes, 0xFE, 0xFF)) {
            return decode(bytes, 2, StandardCharsets.UTF_16BE, "the file starts as UTF-16 text but is not valid UTF-16");
        }
        for (byte b : bytes) {
            if (b == 0) { // text in UTF-8 or GB18030 has no zero bytes; images, archives and the like do
                throw notText();
            }
        }
        try {
            return strictly(StandardCharsets.UTF_8, bytes, 0);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strictly(GB18030, bytes, 0);
            } catch (CharacterCodingException notGb18030) {
                throw new UnreadableFileException("not a CSV or XLSX file: its text is neither UTF-8 nor GB18030 (GBK)");
            }
        }
    }

    private static String decode(byte[] bytes, int offset, Charset charset, String reason) {
        try {
            return strictly(charset, bytes, offset);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(reason, e);
        }
    }

    private static String strictly(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    /**
     * Refuses what decodes but is no table: binary data that happens to be valid GB18030, and the HTML or
     * XML that some systems export under an .xls name.
     */
    private static void checkIsText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw notText();
            }
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<html") || start.startsWith("<!doctype") || start.startsWith("<?xml")
                || start.startsWith("<table")) {
            throw new UnreadableFileException("not a CSV or XLSX file but a web page or XML file (some systems"
                    + " export these under an .xls name); open it in Excel and save it as .xlsx");
        }
    }

    private static UnreadableFileException notText() {
        return new UnreadableFileException("not a CSV or XLSX file");
    }

    /**
     * A tab or semicolon when the first line with a value (the header, after any blank rows) has more of
     * them than commas, otherwise a comma.
     */
    static char delimiter(String text) {
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean values = false;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                values = true;
            } else if (quoted) {
                continue;
            } else if (c == '\n' || c == '\r') {
                if (values) {
                    break;
                }
                commas = tabs = semicolons = 0; // a blank row, perhaps of delimiters alone
            } else if (c == ',') {
                commas++;
            } else if (c == '\t') {
                tabs++;
            } else if (c == ';') {
                semicolons++;
            } else if (!Character.isWhitespace(c)) {
                values = true;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Commons CSV's message, in words for the person who made the file. */
    private static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed (its closing \" is missing)";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")
                || message.contains("Invalid character between encapsulated token and delimiter")) {
            return "a quoted field has text after its closing \" (a \" inside a quoted field must be doubled)";
        }
        return message;
    }
}
