package org.proposals.kit.tabular;

import org.proposals.kit.tabular.XlsxValues.NumberKind;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the first worksheet of an XLSX workbook with the JDK alone: {@code java.util.zip} and StAX, rather
 * than a library that would add tens of megabytes of dependencies to every service, and weigh on its
 * start-up and memory.
 *
 * <p>The archive is read twice from memory. The first pass unzips every part, counting what it unzips
 * against the limits, and keeps the small parts that say where things are (relationships, the workbook,
 * shared strings, styles); the second streams the one worksheet through the XML parser, which never holds
 * more than the row it is on, since in a file Excel saves the sheet comes before the shared strings it
 * refers to. The XML parser reads no DTDs and no external entities.
 */
final class XlsxReader {

    private static final String ROOT_RELATIONSHIPS = "_rels/.rels";
    private static final String DEFAULT_WORKBOOK = "xl/workbook.xml";
    /** The most rows a sheet can have. */
    private static final int MAX_ROW = 1_048_576;

    private final byte[] bytes;
    private final TabularFile.Limits limits;
    private final XMLInputFactory xmlFactory = secureXmlFactory();
    /** The parts kept from the first pass, by {@link #normalize normalized} name. */
    private final Map<String, byte[]> parts = new HashMap<>();
    private final Set<String> entries = new HashSet<>();

    private XlsxReader(byte[] bytes, TabularFile.Limits limits) {
        this.bytes = bytes;
        this.limits = limits;
    }

    static void read(byte[] bytes, TabularFile.Limits limits, TableBuilder table) {
        new XlsxReader(bytes, limits).read(table);
    }

    private record Relationship(String type, String target) {
    }

    /** What the workbook part says: the relationship ids of its sheets in order, and its date system. */
    private record Workbook(List<String> sheetIds, boolean date1904) {
    }

    private void read(TableBuilder table) {
        unzip();
        String workbookPart = officeDocument();
        Workbook workbook = workbook(workbookPart);
        Map<String, Relationship> relationships = relationships(workbookPart);
        String sheet = null;
        for (String id : workbook.sheetIds()) {
            Relationship relationship = relationships.get(id);
            if (relationship != null && relationship.type().endsWith("/worksheet")) {
                sheet = relationship.target(); // the first worksheet; a chart sheet has no cells
                break;
            }
        }
        if (sheet == null || !entries.contains(sheet)) {
            throw new UnreadableFileException("the XLSX has no worksheet");
        }
        List<String> sharedStrings = List.of();
        NumberKind[] styles = new NumberKind[0];
        for (Relationship relationship : relationships.values()) {
            if (relationship.type().endsWith("/sharedStrings")) {
                sharedStrings = sharedStrings(relationship.target());
            } else if (relationship.type().endsWith("/styles")) {
                styles = styles(relationship.target());
            }
        }
        new SheetReader(table, sharedStrings, styles, workbook.date1904()).read(sheet);
    }

    // --- the archive

    /**
     * The first pass: unzips every entry within the limits, keeping relationship and XML parts other than
     * worksheets.
     */
    private void unzip() {
        long unzipped = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entries.size() == limits.maxZipEntries()) {
                    throw new UnreadableFileException("the XLSX holds more than " + limits.maxZipEntries() + " parts");
                }
                String name = normalize(entry.getName());
                if (!entries.add(name)) {
                    throw damaged("it holds " + entry.getName() + " twice", null);
                }
                boolean keep = !entry.isDirectory()
                        && (name.endsWith(".rels") || name.endsWith(".xml") && !name.contains("worksheets/"));
                ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
                // read, not skipped: skipping unzips all the same, but uncounted
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    unzipped += n;
                    if (unzipped > limits.maxUnzippedBytes()) {
                        throw new UnreadableFileException("the XLSX unzips to more than " + TabularFile.size(limits.maxUnzippedBytes()));
                    }
                    if (kept != null) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (kept != null) {
                    parts.put(name, kept.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw damaged("it is not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Opens a part: one kept from the first pass, or a worksheet, which is unzipped again and streamed.
     * The second pass unzips the same bytes as the first, so it stays within the limits that one checked.
     */
    private InputStream open(String name) throws IOException {
        byte[] kept = parts.get(name);
        if (kept != null) {
            return new ByteArrayInputStream(kept);
        }
        ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes));
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (normalize(entry.getName()).equals(name)) {
                return zip;
            }
        }
        throw damaged(name + " is missing", null);
    }

    /**
     * A part name as the archive or a relationship writes it, in one form: OOXML part names ignore case,
     * and some programs write them with a leading slash or Windows separators.
     */
    private static String normalize(String name) {
        String path = name.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments).toLowerCase(Locale.ROOT);
    }

    // --- the parts that say where things are

    /** The workbook part, which the package relationships name; xl/workbook.xml when they don't. */
    private String officeDocument() {
        if (parts.containsKey(ROOT_RELATIONSHIPS)) {
            for (Relationship relationship : relationships("").values()) {
                if (relationship.type().endsWith("/officeDocument")) {
                    return relationship.target();
                }
            }
        }
        return DEFAULT_WORKBOOK;
    }

    private Workbook workbook(String part) {
        if (!parts.containsKey(part)) {
            throw new UnreadableFileException("not a CSV or XLSX file: a zip archive without a workbook");
        }
        List<String> sheetIds = new ArrayList<>();
        boolean date1904 = false;
        boolean isWorkbook = false;
        try (Parser xml = parse(part)) {
            while (xml.reader.hasNext()) {
                if (xml.reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.reader.getLocalName()) {
                    case "workbook" -> isWorkbook = true;
                    case "workbookPr" -> {
                        String value = attribute(xml.reader, "date1904");
                        date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                    case "sheet" -> sheetIds.add(relationshipId(xml.reader));
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw notXml(part, e);
        }
        if (!isWorkbook) {
            // a Word document or a presentation, say: their packages are zip archives too
            throw new UnreadableFileException("not a CSV or XLSX file: a zip archive without a workbook");
        }
        return new Workbook(sheetIds, date1904);
    }

    /** The relationships of a part ("" for the package's own), by id, their targets as part names. */
    private Map<String, Relationship> relationships(String part) {
        int slash = part.lastIndexOf('/');
        String folder = part.substring(0, slash + 1);
        String name = folder + "_rels/" + part.substring(slash + 1) + ".rels";
        Map<String, Relationship> relationships = new HashMap<>();
        if (!parts.containsKey(name)) {
            return relationships;
        }
        try (Parser xml = parse(name)) {
            while (xml.reader.hasNext()) {
                if (xml.reader.next() == XMLStreamConstants.START_ELEMENT
                        && xml.reader.getLocalName().equals("Relationship")
                        && !"External".equals(attribute(xml.reader, "TargetMode"))) {
                    String target = String.valueOf(attribute(xml.reader, "Target"));
                    relationships.put(attribute(xml.reader, "Id"), new Relationship(String.valueOf(attribute(xml.reader, "Type")),
                            normalize(target.startsWith("/") ? target : folder + target)));
                }
            }
        } catch (XMLStreamException e) {
            throw notXml(name, e);
        }
        return relationships;
    }

    /** The workbook's strings, which cells of type {@code s} refer to by index. */
    private List<String> sharedStrings(String part) {
        List<String> strings = new ArrayList<>();
        if (!parts.containsKey(part)) {
            return strings;
        }
        try (Parser xml = parse(part)) {
            while (xml.reader.hasNext()) {
                if (xml.reader.next() == XMLStreamConstants.START_ELEMENT && xml.reader.getLocalName().equals("si")) {
                    strings.add(text(xml.reader, "si"));
                }
            }
        } catch (XMLStreamException e) {
            throw notXml(part, e);
        }
        return strings;
    }

    /** What the number format of each cell style ({@code <cellXfs>}, by index) makes of a number. */
    private NumberKind[] styles(String part) {
        Map<Integer, NumberKind> customFormats = new HashMap<>();
        List<NumberKind> styles = new ArrayList<>();
        if (!parts.containsKey(part)) {
            return new NumberKind[0];
        }
        try (Parser xml = parse(part)) {
            boolean cellStyles = false;
            while (xml.reader.hasNext()) {
                int event = xml.reader.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.reader.getLocalName().equals("cellXfs")) {
                    cellStyles = false;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.reader.getLocalName()) {
                    case "numFmt" -> customFormats.put(integer(attribute(xml.reader, "numFmtId"), -1),
                            XlsxValues.formatKind(String.valueOf(attribute(xml.reader, "formatCode"))));
                    case "cellXfs" -> cellStyles = true;
                    case "xf" -> {
                        if (cellStyles) { // <cellStyleXfs> has <xf>s too, which cells do not refer to
                            int numFmtId = integer(attribute(xml.reader, "numFmtId"), 0);
                            NumberKind custom = customFormats.get(numFmtId);
                            styles.add(custom != null ? custom : XlsxValues.builtInKind(numFmtId));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw notXml(part, e);
        }
        return styles.toArray(NumberKind[]::new);
    }

    // --- the worksheet

    /** Streams the rows of a worksheet into the table, a row at a time. */
    private final class SheetReader {

        private final TableBuilder table;
        private final List<String> sharedStrings;
        private final NumberKind[] styles;
        private final boolean date1904;
        private int rowNumber;

        SheetReader(TableBuilder table, List<String> sharedStrings, NumberKind[] styles, boolean date1904) {
            this.table = table;
            this.sharedStrings = sharedStrings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        void read(String part) {
            try (Parser xml = parse(part)) {
                XMLStreamReader reader = xml.reader;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("row")) {
                        row(reader);
                    } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("sheetData")) {
                        return; // what follows (merged cells, print settings, ...) holds no values
                    }
                }
            } catch (XMLStreamException e) {
                throw notXml(part, e);
            }
        }

        private void row(XMLStreamReader reader) throws XMLStreamException {
            String r = attribute(reader, "r");
            int number = r == null ? rowNumber + 1 : integer(r, -1);
            if (number < 1 || number > MAX_ROW) {
                throw damaged("a row of the worksheet has the number " + r, null);
            }
            rowNumber = number;
            List<String> cells = new ArrayList<>();
            int column = -1;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("row")) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT || !reader.getLocalName().equals("c")) {
                    continue;
                }
                String reference = attribute(reader, "r");
                // cells may be left out (sparse rows), so each says which column it is in; one without a reference follows the last
                column = reference == null ? column + 1 : XlsxValues.columnIndex(reference);
                if (column < 0 || column > XlsxValues.MAX_COLUMN) {
                    throw damaged("row " + rowNumber + " has a cell at " + reference, null);
                }
                String value = cell(reader);
                if (value.isEmpty()) {
                    continue;
                }
                if (!value.isBlank()) {
                    table.checkColumn(rowNumber, column);
                } else if (column >= limits.maxColumns()) {
                    continue; // a blank cell far out is no reason to refuse the file
                }
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, value);
            }
            table.add(rowNumber, cells);
        }

        /** The text of the cell the reader is at, reading to its end. */
        private String cell(XMLStreamReader reader) throws XMLStreamException {
            String type = attribute(reader, "t");
            int style = integer(attribute(reader, "s"), 0);
            String stored = null;
            String inline = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("c")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "v" -> stored = reader.getElementText();
                        case "is" -> inline = text(reader, "is");
                        default -> skip(reader); // the formula, whose result is the value
                    }
                }
            }
            if (inline != null) {
                return inline;
            }
            if (stored == null) {
                return "";
            }
            if (type == null || type.equals("n")) {
                return number(stored, style);
            }
            return switch (type) {
                case "s" -> sharedString(stored);
                case "b" -> "1".equals(stored.strip()) ? "TRUE" : "FALSE";
                case "d" -> XlsxValues.isoDateTime(stored);
                default -> XlsxValues.unescape(stored); // str (a formula's text), inlineStr, e (#N/A, ...)
            };
        }

        private String number(String stored, int style) {
            NumberKind kind = style >= 0 && style < styles.length ? styles[style] : NumberKind.NUMBER;
            if (kind != NumberKind.NUMBER) {
                try {
                    String dateTime = XlsxValues.dateTime(Double.parseDouble(stored), date1904, kind);
                    if (dateTime != null) {
                        return dateTime;
                    }
                } catch (NumberFormatException e) {
                    return stored;
                }
            }
            return XlsxValues.number(stored);
        }

        private String sharedString(String stored) {
            int index = integer(stored, -1);
            if (index < 0 || index >= sharedStrings.size()) {
                throw damaged("row " + rowNumber + " refers to a shared string (" + stored + ") that it does not have", null);
            }
            return sharedStrings.get(index);
        }
    }

    // --- XML

    /** An XML parser over a part, closing what it reads from with it. */
    private final class Parser implements AutoCloseable {

        final XMLStreamReader reader;
        private final InputStream in;

        Parser(String part) throws XMLStreamException {
            try {
                this.in = open(part);
            } catch (IOException e) {
                throw damaged("it is not a readable zip archive (" + e.getMessage() + ")", e);
            }
            this.reader = xmlFactory.createXMLStreamReader(in);
        }

        @Override
        public void close() throws XMLStreamException {
            try {
                reader.close();
            } finally {
                try {
                    in.close();
                } catch (IOException e) {
                    // in memory: nothing to release
                }
            }
        }
    }

    private Parser parse(String part) throws XMLStreamException {
        return new Parser(part);
    }

    /**
     * The text of a string item ({@code <si>} or {@code <is>}) the reader is at: its {@code <t>}, or its
     * rich-text runs' {@code <t>}s joined, without the phonetic guides ({@code <rPh>}) Japanese files add.
     */
    private static String text(XMLStreamReader reader, String element) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals("rPh")) {
                    phonetic++;
                } else if (name.equals("t")) {
                    String t = reader.getElementText();
                    if (phonetic == 0) {
                        text.append(t);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals("rPh")) {
                    phonetic--;
                } else if (name.equals(element)) {
                    break;
                }
            }
        }
        return XlsxValues.unescape(text.toString());
    }

    /** Reads past the element the reader is at. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        for (int depth = 1; depth > 0 && reader.hasNext(); ) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** An attribute by its local name, whatever its prefix. */
    private static String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The r:id of a sheet: the id attribute in the relationships namespace, transitional or strict. */
    private static String relationshipId(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i);
            if (reader.getAttributeLocalName(i).equals("id") && namespace != null && namespace.endsWith("/relationships")) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    private static int integer(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** A parser that reads no DTD and resolves no external entity, so a part cannot make it fetch or expand anything. */
    private static XMLInputFactory secureXmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not read");
        });
        return factory;
    }

    private static UnreadableFileException notXml(String part, XMLStreamException e) {
        return damaged(part + " is not well-formed XML", e);
    }

    private static UnreadableFileException damaged(String detail, Exception cause) {
        return new UnreadableFileException("the XLSX is damaged: " + detail, cause);
    }
}
