package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileRun;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SVG through the secure SAX parser (its DTD never loaded): the text of the drawing goes to the text rules; scripts,
 * event handlers, foreign objects and references to outside resources are reported; the drawing is an image.
 */
public final class SvgReader implements FormatReader {

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        run.fact(Fact.Kind.IMAGE, Location.FILE, "svg");
        try (InputStream in = input.open()) {
            SecureXml.parse(in, new Handler(run), true);
        }
    }

    private static final class Handler extends DefaultHandler {
        private final FileRun run;
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        Handler(FileRun run) {
            this.run = run;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            flush();
            if (local.equals("script") || local.equals("foreignObject")) {
                run.fact(Fact.Kind.SVG_SCRIPT, here(), local);
            }
            for (int i = 0; i < atts.getLength(); i++) {
                String name = atts.getLocalName(i).toLowerCase(Locale.ROOT);
                String value = atts.getValue(i).strip();
                if (name.startsWith("on")) {
                    run.fact(Fact.Kind.SVG_SCRIPT, here(), name);
                } else if ((name.equals("href") || name.equals("src")) && !value.startsWith("#")
                        && !value.startsWith("data:")) {
                    run.fact(Fact.Kind.SVG_EXTERNAL_REFERENCE, here(), value);
                } else if (value.contains("url(") && !value.contains("url(#")) {
                    run.fact(Fact.Kind.SVG_EXTERNAL_REFERENCE, here(), value);
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text.length() + length <= run.limits().maxLineChars()) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            flush();
        }

        private void flush() {
            if (!text.toString().isBlank()) {
                run.text(text.toString().strip(), here());
            }
            text.setLength(0);
        }

        private Location here() {
            return locator == null ? Location.FILE : Location.line(locator.getLineNumber());
        }
    }
}
