package org.proposals.kit.tabular;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Files for the tests, made in memory. */
final class TestFiles {

    private TestFiles() {
    }

    static TabularFile csv(String text) {
        return read("import.csv", bytes(text, StandardCharsets.UTF_8));
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static TabularFile read(String fileName, byte[] bytes) {
        return TabularFile.read(fileName, null, new ByteArrayInputStream(bytes));
    }

    static TabularFile read(byte[] bytes, TabularFile.Limits limits) {
        return TabularFile.read("import", null, new ByteArrayInputStream(bytes), limits);
    }

    /** The reason a file is refused with. */
    static String refusal(String fileName, byte[] bytes) {
        return assertThrows(UnreadableFileException.class, () -> read(fileName, bytes)).getMessage();
    }

    static String refusal(byte[] bytes, TabularFile.Limits limits) {
        return assertThrows(UnreadableFileException.class, () -> read(bytes, limits)).getMessage();
    }

    /** A zip archive of the given entries, in the map's order. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
