package org.pourparler.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the CLI prints reaches a terminal: names and labels come from input files, and a control
 * character or an ANSI escape sequence in them could move the cursor, rewrite earlier lines or
 * change the terminal's state. {@link #guard} wraps every stream the commands print to, so each
 * such character is shown escaped ({@code \u001B}, {@code \r}); only line breaks and tabs pass.
 */
final class Terminal {

    private Terminal() { }

    /** Whether {@code c} must not reach a terminal raw: C0 and C1 controls (but newline and tab), DEL, bidirectional overrides. */
    static boolean unsafe(char c) {
        if (c == '\n' || c == '\t') return false;
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code c} as printable text: {@code \r}, {@code \u001B}, ... */
    static String escape(char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> String.format("\\u%04X", (int) c);
        };
    }

    /** The text with every unsafe character escaped, newlines and tabs included (for one-line messages). */
    static String safe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = unsafe(c) || c == '\n' || c == '\t';
            if (bad && b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (b != null) {
                if (!bad) b.append(c);
                else b.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : escape(c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** A writer that prints through {@code out} with every unsafe character escaped. */
    static PrintWriter guard(PrintWriter out) {
        return new PrintWriter(new Escaping(out), true);
    }

    private static final class Escaping extends FilterWriter {
        Escaping(Writer out) { super(out); }

        @Override
        public void write(int c) throws IOException {
            if (unsafe((char) c)) out.write(escape((char) c));
            else out.write(c);
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (unsafe(cbuf[i])) {
                    out.write(cbuf, start, i - start);
                    out.write(escape(cbuf[i]));
                    start = i + 1;
                }
            }
            out.write(cbuf, start, off + len - start);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            write(str.toCharArray(), off, len);
        }
    }
}
