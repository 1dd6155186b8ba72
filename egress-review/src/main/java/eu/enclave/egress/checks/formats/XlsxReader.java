package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.LimitExceeded;
import eu.enclave.egress.checks.table.TableScan;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XLSX in bounded memory: SAX over the zip's parts (never a DOM of a sheet). Every sheet is read, hidden and very
 * hidden ones included, as a table of raw cell values (shared strings resolved, formulas flagged); the workbook's
 * other parts are reported as facts: pivot caches, embedded objects, comments (their text checked), defined names,
 * external links, macros, pictures, hidden rows and columns.
 */
public final class XlsxReader implements FormatReader {

    private static final Set<String> HARMLESS_NAMES = Set.of("_xlnm.Print_Area", "_xlnm.Print_Titles",
            "_xlnm._FilterDatabase", "_xlnm.Criteria", "_xlnm.Extract");

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        try (ZipPackage zip = new ZipPackage(input.file(run), run)) {
            parts(zip, run);
            Workbook workbook = new Workbook();
            parse(zip, "xl/workbook.xml", workbook, true);
            Map<String, String> targets = new LinkedHashMap<>();
            parse(zip, "xl/_rels/workbook.xml.rels", new Relationships(targets), false);
            List<String> strings = new SharedStrings(run).read(zip);
            for (String name : workbook.definedNames) {
                run.fact(Fact.Kind.DEFINED_NAME, Location.FILE, name);
            }
            long[] cells = {0};
            for (Workbook.Sheet sheet : workbook.sheets) {
                String target = targets.get(sheet.relationId());
                if (target == null) {
                    continue;
                }
                String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                if (!"visible".equals(sheet.state())) {
                    run.fact(Fact.Kind.HIDDEN_SHEET, new Location(null, sheet.name(), null, null, null, null),
                            sheet.name() + ("veryHidden".equals(sheet.state()) ? " (very hidden)" : ""));
                }
                TableScan scan = new TableScan(run, sheet.name(), sheet.name(), null, false);
                SheetHandler handler = new SheetHandler(scan, strings, run, sheet.name(), cells);
                try {
                    parse(zip, part, handler, true);
                } finally {
                    scan.end();
                }
                handler.reportHidden();
            }
        }
    }

    private static void parts(ZipPackage zip, FileRun run) throws IOException {
        boolean media = false;
        for (String name : zip.names()) {
            Location where = Location.FILE;
            if (name.startsWith("xl/pivotCache/")) {
                if (name.contains("pivotCacheRecords")) {
                    run.fact(Fact.Kind.PIVOT_CACHE, where, name);
                }
                parse(zip, name, new AttributeText(run, "s", "v"), false);
            } else if (name.startsWith("xl/embeddings/")) {
                run.fact(Fact.Kind.EMBEDDED_OBJECT, where, name);
            } else if (name.equals("xl/vbaProject.bin") || name.startsWith("xl/macrosheets/")) {
                run.fact(Fact.Kind.MACRO, where, name);
            } else if (name.startsWith("xl/externalLinks/") && name.endsWith(".xml")) {
                run.fact(Fact.Kind.EXTERNAL_LINK, where, name);
            } else if (name.startsWith("xl/media/") && !media) {
                media = true;
                run.fact(Fact.Kind.SPREADSHEET_IMAGE, where, name);
            } else if ((name.startsWith("xl/comments") || name.startsWith("xl/threadedComments/"))
                    && name.endsWith(".xml")) {
                run.fact(Fact.Kind.COMMENT, where, name);
                parse(zip, name, new ElementText(run, Set.of("t", "text")), false);
            }
        }
    }

    static void parse(ZipPackage zip, String part, DefaultHandler handler, boolean required) throws IOException {
        try (InputStream in = zip.open(part)) {
            if (in == null) {
                if (required) {
                    throw new eu.enclave.egress.checks.engine.Unreadable("the workbook has no part " + part,
                            "le classeur n'a pas de partie " + part);
                }
                return;
            }
            SecureXml.parse(in, handler);
        }
    }

    /** workbook.xml: the sheets in order with their state, and the defined names. */
    private static final class Workbook extends DefaultHandler {
        record Sheet(String name, String state, String relationId) {
        }

        final List<Sheet> sheets = new ArrayList<>();
        final List<String> definedNames = new ArrayList<>();
        private StringBuilder name;
        private String definedName;

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if (local.equals("sheet")) {
                String state = atts.getValue("state");
                String id = null;
                for (int i = 0; i < atts.getLength(); i++) {
                    if (atts.getLocalName(i).equals("id")) {
                        id = atts.getValue(i);
                    }
                }
                sheets.add(new Sheet(atts.getValue("name"), state == null ? "visible" : state, id));
            } else if (local.equals("definedName")) {
                definedName = atts.getValue("name");
                name = new StringBuilder();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (name != null && name.length() < 1000) {
                name.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("definedName") && name != null) {
                if (!HARMLESS_NAMES.contains(definedName)) {
                    definedNames.add(definedName + " = " + name);
                }
                name = null;
            }
        }
    }

    /** A relationships part: id → target. */
    private static final class Relationships extends DefaultHandler {
        private final Map<String, String> targets;

        Relationships(Map<String, String> targets) {
            this.targets = targets;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if (local.equals("Relationship")) {
                targets.put(atts.getValue("Id"), atts.getValue("Target"));
            }
        }
    }

    /** Hands the text of the named elements to the text rules (comments). */
    static final class ElementText extends DefaultHandler {
        private final FileRun run;
        private final Set<String> elements;
        private StringBuilder text;

        ElementText(FileRun run, Set<String> elements) {
            this.run = run;
            this.elements = elements;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if (elements.contains(local)) {
                text = new StringBuilder();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null && text.length() < run.limits().maxLineChars()) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (text != null && elements.contains(local)) {
                run.text(text, Location.FILE);
                text = null;
            }
        }
    }

    /** Hands an attribute of the named elements to the text rules (a pivot cache's items). */
    static final class AttributeText extends DefaultHandler {
        private final FileRun run;
        private final String element;
        private final String attribute;

        AttributeText(FileRun run, String element, String attribute) {
            this.run = run;
            this.element = element;
            this.attribute = attribute;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if (local.equals(element) && atts.getValue(attribute) != null) {
                run.text(atts.getValue(attribute), Location.FILE);
            }
        }
    }

    /** sharedStrings.xml, held in memory up to a number of characters. */
    private static final class SharedStrings extends DefaultHandler {
        private final FileRun run;
        private final List<String> strings = new ArrayList<>();
        private StringBuilder current;
        private boolean inText;
        private boolean phonetic;
        private long chars;

        SharedStrings(FileRun run) {
            this.run = run;
        }

        List<String> read(ZipPackage zip) throws IOException {
            parse(zip, "xl/sharedStrings.xml", this, false);
            return strings;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "si" -> current = new StringBuilder();
                case "t" -> inText = !phonetic;
                case "rPh" -> phonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && current != null) {
                chars += length;
                if (chars > run.limits().maxSharedStringChars()) {
                    throw new LimitExceeded("cells", "the workbook's shared strings exceed "
                            + run.limits().maxSharedStringChars() + " characters",
                            "les textes partagés du classeur dépassent " + run.limits().maxSharedStringChars()
                                    + " caractères");
                }
                current.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "si" -> {
                    strings.add(current.toString());
                    current = null;
                }
                case "t" -> inText = false;
                case "rPh" -> phonetic = false;
                default -> {
                }
            }
        }
    }
}
