package org.proposals.kit.ooxml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What Office Open XML files (.xlsx, .docx) have in common: a zip package of XML parts, related by the same
 * relationship namespaces. The kit's writers build on it, so that each writes only its own parts.
 */
public final class OpcPackage {

    public static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private OpcPackage() {
    }

    /** Writes one whole part of the package. */
    public static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The package's relationship to its main part, e.g. {@code word/document.xml}. */
    public static String relationshipTo(String type, String target) {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="%s">\
                <Relationship Id="rId1" Type="%s/%s" Target="%s"/>\
                </Relationships>""".formatted(PACKAGE_RELATIONSHIPS, RELATIONSHIPS, type, target);
    }
}
