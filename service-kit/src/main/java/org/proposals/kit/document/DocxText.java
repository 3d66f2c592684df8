package org.proposals.kit.document;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The plain text of a .docx, so that a test can check what a generated document says: its paragraphs
 * outside tables, each table's rows of cell texts, and the runs highlighted as placeholders are. Reads the
 * text as {@link DocxWriter} writes it (a {@code w:tab} is a tab, a {@code w:br} a line break); it is not a
 * reader of every document Word can save.
 *
 * @param paragraphs  the text of each paragraph outside tables, in order, empty ones included
 * @param tables      each table's rows, each row its cells' text
 * @param highlighted the text of each highlighted run, in order
 */
public record DocxText(List<String> paragraphs, List<List<List<String>>> tables, List<String> highlighted) {

    private static final String MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public DocxText {
        paragraphs = List.copyOf(paragraphs);
        tables = tables.stream().map(t -> t.stream().map(List::copyOf).toList()).toList();
        highlighted = List.copyOf(highlighted);
    }

    /** Reads {@code word/document.xml} of the document; {@link IllegalArgumentException} when there is none. */
    public static DocxText of(byte[] docx) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return parse(zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("not a .docx: it has no word/document.xml");
    }

    /** All the text, paragraphs and then table rows (cells separated by tabs), one per line. */
    public String text() {
        StringBuilder all = new StringBuilder();
        paragraphs.forEach(p -> all.append(p).append('\n'));
        tables.forEach(table -> table.forEach(row -> all.append(String.join("\t", row)).append('\n')));
        return all.toString();
    }

    private static DocxText parse(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<String> paragraphs = new ArrayList<>();
        List<List<List<String>>> tables = new ArrayList<>();
        List<String> highlighted = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        StringBuilder run = new StringBuilder();
        StringBuilder cell = new StringBuilder();
        List<List<String>> table = null;
        List<String> row = null;
        boolean inText = false;
        boolean highlight = false;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && MAIN.equals(reader.getNamespaceURI())) {
                    switch (reader.getLocalName()) {
                        case "tbl" -> table = new ArrayList<>(); // nested tables are not written
                        case "tr" -> row = new ArrayList<>();
                        case "tc" -> cell.setLength(0);
                        case "p" -> paragraph.setLength(0);
                        case "r" -> {
                            run.setLength(0);
                            highlight = false;
                        }
                        case "highlight" -> highlight = true;
                        case "t" -> inText = true;
                        case "tab" -> run.append('\t');
                        case "br" -> run.append(reader.getAttributeValue(MAIN, "type") == null ? "\n" : "");
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && inText) {
                    run.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && MAIN.equals(reader.getNamespaceURI())) {
                    switch (reader.getLocalName()) {
                        case "t" -> inText = false;
                        case "r" -> {
                            paragraph.append(run);
                            if (highlight) {
                                highlighted.add(run.toString());
                            }
                        }
                        case "p" -> {
                            if (table == null) {
                                paragraphs.add(paragraph.toString());
                            } else {
                                cell.append(cell.isEmpty() ? "" : "\n").append(paragraph);
                            }
                        }
                        case "tc" -> row.add(cell.toString());
                        case "tr" -> table.add(row);
                        case "tbl" -> {
                            tables.add(table);
                            table = null;
                        }
                        default -> {
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("word/document.xml is not well-formed: " + e.getMessage(), e);
        }
        return new DocxText(paragraphs, tables, highlighted);
    }
}
