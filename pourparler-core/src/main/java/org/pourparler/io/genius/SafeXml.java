package org.pourparler.io.genius;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.io.source.SourceFiles;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses GENIUS XML text safely into an {@link XmlElement} tree.
 *
 * <p>Hardening: no DOCTYPE at all (so no entity definitions, hence no billion-laughs expansion and
 * no external entities or DTDs), no XInclude, JAXP secure processing, the JDK's own SAX parser
 * (never one found on the class path), a nesting limit and a size limit.
 *
 * <p>Repairs: files published with GENIUS scenarios have a few recurring defects. When the strict
 * parse fails, three narrow text repairs are tried, each only where its pattern occurs, and the
 * repaired text is parsed again; every repair made is reported. Repairs keep line numbers intact.
 */
final class SafeXml {
    /** The deepest element nesting accepted; GENIUS files nest about five deep. */
    static final int MAX_DEPTH = 64;

    private static final Pattern DECLARATION = Pattern.compile("<\\?xml\\b[^>]*\\?>");
    private static final Pattern BARE_AMPERSAND =
            Pattern.compile("&(?!(?:[A-Za-z_:][A-Za-z0-9_:.-]*|#[0-9]+|#x[0-9A-Fa-f]+);)");
    private static final Pattern START_TAG = Pattern.compile("<[A-Za-z_:][^<>]*>");
    private static final Pattern GLUED_ATTRIBUTE = Pattern.compile("(=\\s*(?:\"[^\"]*\"|'[^']*'))(?=[A-Za-z_:])");

    /** A parsed file: its root element and the repairs made to its text, as sentences. */
    record Parsed(XmlElement root, List<String> repairs) {
        Parsed {
            repairs = List.copyOf(repairs);
        }
    }

    private SafeXml() { }

    /**
     * Parses {@code text}, repairing the known defects when the strict parse fails.
     *
     * @param source the file name, for messages
     * @throws ScenarioFormatException naming the line when the text is not well-formed XML even after repair
     */
    static Parsed parse(String source, String text) throws ScenarioFormatException {
        if (text.length() > SourceFiles.MAX_BYTES) {
            throw new ScenarioFormatException(source, null, "is " + text.length()
                    + " characters long; scenario files are limited to " + SourceFiles.MAX_BYTES);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (text.isBlank()) {
            throw new ScenarioFormatException(source, null, "is empty: expected a GENIUS XML document");
        }
        if (text.contains("<!DOCTYPE") || text.contains("<!doctype")) {
            // Checked before parsing so that the message is clear; the parser refuses it anyway.
            throw new ScenarioFormatException(source, "line " + lineOf(text, text.indexOf("<!")),
                    "DOCTYPE declarations are not allowed: GENIUS files never need one, and its entity"
                            + " definitions could expand without bound or read other files");
        }
        ScenarioFormatException strictFailure;
        try {
            return new Parsed(parseStrict(source, text), List.of());
        } catch (ScenarioFormatException e) {
            strictFailure = e;
        }
        List<String> repairs = new ArrayList<>();
        String repaired = repair(text, repairs);
        if (repairs.isEmpty()) throw strictFailure;
        try {
            return new Parsed(parseStrict(source, repaired), repairs);
        } catch (ScenarioFormatException e) {
            throw new ScenarioFormatException(source, e.location(), e.problem()
                    + " (after repairing: " + String.join("; ", repairs) + ")", e);
        }
    }

    /** Applies every repair whose pattern occurs, recording what each did. */
    static String repair(String text, List<String> repairs) {
        String t = text;
        Matcher decl = DECLARATION.matcher(t);
        if (decl.find() && decl.start() > 0) {
            int line = lineOf(t, decl.start());
            // Blank out the declaration, keeping its newlines so that line numbers stay right.
            String blank = decl.group().replaceAll("[^\\n]", "");
            t = t.substring(0, decl.start()) + blank + t.substring(decl.end());
            repairs.add("removed the XML declaration on line " + line
                    + ", which must come first but had content before it");
        }
        Matcher amp = BARE_AMPERSAND.matcher(t);
        int ampCount = 0;
        int firstAmpLine = -1;
        StringBuilder b = new StringBuilder();
        while (amp.find()) {
            if (ampCount++ == 0) firstAmpLine = lineOf(t, amp.start());
            amp.appendReplacement(b, "&amp;");
        }
        if (ampCount > 0) {
            amp.appendTail(b);
            t = b.toString();
            repairs.add("escaped " + ampCount + " bare '&' as '&amp;' (first on line " + firstAmpLine + ")");
        }
        Matcher tag = START_TAG.matcher(t);
        int glued = 0;
        int firstGluedLine = -1;
        b = new StringBuilder();
        while (tag.find()) {
            Matcher g = GLUED_ATTRIBUTE.matcher(tag.group());
            String fixed = g.replaceAll("$1 ");
            if (!fixed.equals(tag.group())) {
                g.reset();
                while (g.find()) glued++;
                if (firstGluedLine < 0) firstGluedLine = lineOf(t, tag.start());
            }
            tag.appendReplacement(b, Matcher.quoteReplacement(fixed));
        }
        if (glued > 0) {
            tag.appendTail(b);
            t = b.toString();
            repairs.add("inserted the missing space between " + glued + " pair(s) of attributes (first on line "
                    + firstGluedLine + ")");
        }
        return t;
    }

    private static XmlElement parseStrict(String source, String text) throws ScenarioFormatException {
        TreeBuilder handler = new TreeBuilder();
        try {
            newParser().parse(new InputSource(new StringReader(text)), handler);
        } catch (SAXParseException e) {
            String location = e.getLineNumber() > 0 ? "line " + e.getLineNumber() : null;
            throw new ScenarioFormatException(source, location, "is not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new ScenarioFormatException(source, handler.line(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ScenarioFormatException(source, null, "cannot be read: " + e.getMessage(), e);
        }
        if (handler.root == null) {
            throw new ScenarioFormatException(source, null, "has no root element");
        }
        return handler.root;
    }

    private static SAXParser newParser() {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return p;
        } catch (ParserConfigurationException | SAXException e) {
            // The JDK's built-in parser supports all of these; failing here is a broken runtime.
            throw new IllegalStateException("The JDK's XML parser cannot be configured securely", e);
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** Builds the element tree without recursion, refusing absurd nesting. */
    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<XmlElement> open = new ArrayDeque<>();
        private Locator locator;
        XmlElement root;

        @Override public void setDocumentLocator(Locator l) { this.locator = l; }

        String line() { return locator == null ? null : "line " + locator.getLineNumber(); }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (open.size() >= MAX_DEPTH) {
                throw new SAXException("elements are nested more than " + MAX_DEPTH + " levels deep");
            }
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) a.put(atts.getQName(i), atts.getValue(i));
            XmlElement e = new XmlElement(qName, a, locator == null ? 0 : locator.getLineNumber());
            if (open.isEmpty()) root = e;
            else open.peek().add(e);
            open.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }
    }
}
