package org.proposals.kit.rest;

import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.proposals.kit.tabular.TabularFile;
import org.proposals.kit.tabular.UnreadableFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Files sent as a multipart form field, read as the platform's imports need them. */
public final class Uploads {

    private Uploads() {
    }

    /** The uploaded CSV or XLSX file; 400 naming {@code file} when it is missing or not a readable spreadsheet. */
    public static TabularFile spreadsheet(FileUpload file) {
        if (file == null) {
            throw ApiProblem.invalid("file", "send the CSV or XLSX file as the multipart form field 'file'");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return TabularFile.read(file.fileName(), file.contentType(), in);
        } catch (UnreadableFileException e) {
            throw ApiProblem.invalid("file", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file cannot be read back", e);
        }
    }
}
