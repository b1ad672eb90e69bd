package org.pourparler.io.genius;

import java.util.ArrayDeque;
import java.util.Deque;

/** Writes indented XML text, escaping attribute values. Elements carry attributes only, as in GENIUS. */
final class XmlText {
    private final StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element; {@code attributes} alternate names and values, null values are left out. */
    XmlText open(String name, Object... attributes) {
        start(name, attributes);
        b.append(">\n");
        open.push(name);
        return this;
    }

    /** A self-closing element. */
    XmlText empty(String name, Object... attributes) {
        start(name, attributes);
        b.append(" />\n");
        return this;
    }

    XmlText close() {
        String name = open.pop();
        indent();
        b.append("</").append(name).append(">\n");
        return this;
    }

    String text() {
        if (!open.isEmpty()) throw new IllegalStateException("Unclosed elements: " + open);
        return b.toString();
    }

    private void start(String name, Object... attributes) {
        indent();
        b.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) continue;
            b.append(' ').append(attributes[i]).append("=\"").append(escape(String.valueOf(attributes[i + 1]))).append('"');
        }
    }

    private void indent() {
        for (int i = 0; i < open.size(); i++) b.append("  ");
    }

    /** Whether XML 1.0 can hold every character of {@code s}. */
    static boolean representable(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) return false;
            i += Character.charCount(c);
        }
        return true;
    }

    /** Escapes an attribute value; line breaks and tabs become character references so that they survive. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\n': out.append("&#10;"); break;
                case '\r': out.append("&#13;"); break;
                case '\t': out.append("&#9;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
