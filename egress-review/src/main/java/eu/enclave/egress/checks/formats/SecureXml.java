package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.engine.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The only way the checks parse XML: SAX with DOCTYPE declarations refused, external entities and external DTDs
 * off, XInclude off and secure processing on, and an entity resolver that resolves nothing. Nothing a file names
 * is ever fetched.
 */
public final class SecureXml {

    private SecureXml() {
    }

    public static void parse(InputStream in, DefaultHandler handler) throws IOException {
        parse(in, handler, false);
    }

    /**
     * With {@code allowDoctype} (SVG files often declare the SVG DTD), a DOCTYPE is read but its external subset is
     * never loaded and external entities resolve to nothing; internal entities stay bounded by secure processing.
     */
    public static void parse(InputStream in, DefaultHandler handler, boolean allowDoctype) throws IOException {
        try {
            SAXParser parser = factory(allowDoctype).newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            org.xml.sax.XMLReader reader = parser.getXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new java.io.StringReader("")));
            reader.parse(new InputSource(in));
        } catch (SAXException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new Unreadable("the XML could not be parsed (" + e.getMessage() + ")",
                    "le XML n'a pas pu être analysé (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser refuses a secure setting", e);
        }
    }

    static SAXParserFactory factory(boolean allowDoctype) throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !allowDoctype);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }
}
