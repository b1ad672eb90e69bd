package org.pourparler.io.genius;

import java.math.BigDecimal;
import org.pourparler.io.source.ScenarioFormatException;

/** Reads typed attribute values, failing with a message that names the file, the element and the value. */
final class XmlValues {
    private XmlValues() { }

    /** The attribute's value; an error naming the element when absent. */
    static String required(String source, XmlElement e, String attr) throws ScenarioFormatException {
        String v = e.attr(attr);
        if (v == null) {
            throw new ScenarioFormatException(source, e.where(), "the attribute '" + attr + "' is missing");
        }
        return v;
    }

    /** A finite number. */
    static double number(String source, XmlElement e, String attr) throws ScenarioFormatException {
        return number(source, e, attr, required(source, e, attr));
    }

    static double number(String source, XmlElement e, String attr, String text) throws ScenarioFormatException {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException ex) {
            throw new ScenarioFormatException(source, e.where(), "the attribute " + attr + "=\"" + text
                    + "\" is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new ScenarioFormatException(source, e.where(), "the attribute " + attr + "=\"" + text
                    + "\" is not a finite number");
        }
        return v;
    }

    /** A finite number, or {@code fallback} when the attribute is absent. */
    static double number(String source, XmlElement e, String attr, double fallback) throws ScenarioFormatException {
        String v = e.attr(attr);
        return v == null ? fallback : number(source, e, attr, v);
    }

    /** A whole number that fits an {@code int} (GENIUS reads these with {@code Integer.valueOf}). */
    static int integer(String source, XmlElement e, String attr) throws ScenarioFormatException {
        String text = required(source, e, attr);
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException ex) {
            throw new ScenarioFormatException(source, e.where(), "the attribute " + attr + "=\"" + text
                    + "\" is not a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
    }

    /** An exact decimal. */
    static BigDecimal decimal(String source, XmlElement e, String attr) throws ScenarioFormatException {
        String text = required(source, e, attr);
        try {
            BigDecimal d = new BigDecimal(text.trim());
            // Refuse absurd exponents early: they would make grids and labels enormous.
            if (Math.abs((long) d.precision() - d.scale()) > 300 || Math.abs(d.scale()) > 300) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException ex) {
            throw new ScenarioFormatException(source, e.where(), "the attribute " + attr + "=\"" + text
                    + "\" is not a decimal number of reasonable size");
        }
    }
}
