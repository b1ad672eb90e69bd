package org.pourparler.io.pourparler;

import org.pourparler.io.source.Written;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pourparler.io.pourparler.PourparlerDoc.Arr;
import org.pourparler.io.pourparler.PourparlerDoc.Bool;
import org.pourparler.io.pourparler.PourparlerDoc.Num;
import org.pourparler.io.pourparler.PourparlerDoc.Obj;
import org.pourparler.io.pourparler.PourparlerDoc.Str;

/**
 * Writes a {@link PourparlerDoc} as YAML (block style, short containers inline, multi-line text as
 * literal blocks) or as JSON. Written by hand rather than with Jackson's generators to control the
 * layout, and so that every text reads back exactly: anything that could be misread (a number-like
 * label, {@code yes}, a leading space, a line separator) is double-quoted.
 */
final class PourparlerEmitter {
    /** Compact containers are written on one line when the line stays within this width. */
    private static final int WIDTH = 100;
    /** Longer keys are written as explicit keys. */
    private static final int MAX_IMPLICIT_KEY = 1000;

    /**
     * Plain YAML scalars inside {@code [..]} and {@code {..}}: a conservative set that no YAML 1.1
     * or 1.2 reader types or splits.
     */
    private static final Pattern PLAIN_FLOW = Pattern.compile("[\\p{L}_][\\p{L}\\p{M}\\p{N} _.'()/+-]*");
    /** In block context prose may also hold punctuation such as , ; : % ? ! [ ] (but see {@link #plainBlock}). */
    private static final Pattern PLAIN_BLOCK = Pattern.compile("[\\p{L}_\\p{N}][^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\t]*");
    private static final Pattern LETTER = Pattern.compile(".*\\p{L}.*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
            "nan", "inf");

    private final StringBuilder out = new StringBuilder();

    private PourparlerEmitter() { }

    // ---------------------------------------------------------------- YAML

    static String yaml(Obj root) {
        PourparlerEmitter e = new PourparlerEmitter();
        e.yamlEntries(root, 0, false);
        return e.out.toString();
    }

    /** The entries of a mapping, one per line at {@code indent}; the first may continue a "- ". */
    private void yamlEntries(Obj o, int indent, boolean firstInline) {
        boolean first = true;
        for (Map.Entry<String, PourparlerDoc> e : o.entries()) {
            if (!(first && firstInline)) out.append(" ".repeat(indent));
            first = false;
            String key = yamlBlockScalar(e.getKey());
            if (key.length() > MAX_IMPLICIT_KEY) {
                // YAML limits implicit keys to 1024 characters: use an explicit "? key" entry
                out.append("? ").append(key).append('\n').append(" ".repeat(indent)).append(':');
                yamlValue(e.getValue(), indent, WIDTH);
                continue;
            }
            out.append(key).append(':');
            yamlValue(e.getValue(), indent, indent + key.length() + 2);
        }
    }

    /** A value after "key:" or "-"; {@code column} is where an inline value would start. */
    private void yamlValue(PourparlerDoc v, int indent, int column) {
        if (v instanceof Obj o) {
            if (o.entries().isEmpty()) {
                out.append(" {}\n");
            } else if (fitsInline(o, column)) {
                out.append(' ').append(yamlFlow(o)).append('\n');
            } else {
                out.append('\n');
                yamlEntries(o, indent + 2, false);
            }
        } else if (v instanceof Arr a) {
            if (a.items().isEmpty()) {
                out.append(" []\n");
            } else if (fitsInline(a, column)) {
                out.append(' ').append(yamlFlow(a)).append('\n');
            } else {
                out.append('\n');
                yamlItems(a, indent + 2);
            }
        } else if (v instanceof Str s && literalBlock(s.text())) {
            yamlLiteral(s.text(), indent + 2);
        } else if (v instanceof Str s) {
            out.append(' ').append(yamlBlockScalar(s.text())).append('\n');
        } else {
            out.append(' ').append(yamlFlow(v)).append('\n');
        }
    }

    private void yamlItems(Arr a, int indent) {
        for (PourparlerDoc item : a.items()) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Obj o && !o.entries().isEmpty() && !fitsInline(o, indent + 2)) {
                out.append(' ');
                yamlEntries(o, indent + 2, true);
            } else {
                yamlValue(item, indent, indent + 2);
            }
        }
    }

    /** A multi-line text as a literal block ({@code |}), with the chomping indicator that keeps its final newlines. */
    private void yamlLiteral(String s, int indent) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') end--;
        int trailing = s.length() - end;
        out.append(trailing == 0 ? " |-" : trailing == 1 ? " |" : " |+").append('\n');
        for (String line : s.substring(0, end).split("\n", -1)) {
            if (!line.isEmpty()) out.append(" ".repeat(indent)).append(line);
            out.append('\n');
        }
        for (int k = 1; k < trailing; k++) out.append('\n');
    }

    /** Whether a text is best written as a literal block: multi-line and safe to write unescaped. */
    private static boolean literalBlock(String s) {
        if (s.indexOf('\n') < 0 || s.startsWith("\n") || s.startsWith(" ") || s.startsWith("\t")) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && needsEscape(s, i)) return false;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') end--;
        for (String line : s.substring(0, end).split("\n", -1)) {
            // whitespace-only lines are where block-scalar indentation rules get subtle
            if (!line.isEmpty() && line.isBlank()) return false;
            if (line.endsWith(" ") || line.endsWith("\t")) return false;
        }
        return true;
    }

    private boolean fitsInline(PourparlerDoc v, int column) {
        if (!inlineable(v)) return false;
        return column + yamlFlow(v).length() <= WIDTH;
    }

    /** Compact containers of scalars (and of other compact containers), without multi-line text. */
    private static boolean inlineable(PourparlerDoc v) {
        if (v instanceof Obj o) {
            if (!o.compact()) return false;
            for (Map.Entry<String, PourparlerDoc> e : o.entries()) {
                if (e.getKey().indexOf('\n') >= 0 || !inlineable(e.getValue())) return false;
            }
            return true;
        }
        if (v instanceof Arr a) {
            if (!a.compact()) return false;
            for (PourparlerDoc d : a.items()) if (!inlineable(d)) return false;
            return true;
        }
        return !(v instanceof Str s) || s.text().indexOf('\n') < 0;
    }

    private static String yamlFlow(PourparlerDoc v) {
        if (v instanceof Obj o) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, PourparlerDoc> e : o.entries()) {
                if (b.length() > 1) b.append(", ");
                b.append(yamlScalar(e.getKey())).append(": ").append(yamlFlow(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof Arr a) {
            StringBuilder b = new StringBuilder("[");
            for (PourparlerDoc d : a.items()) {
                if (b.length() > 1) b.append(", ");
                b.append(yamlFlow(d));
            }
            return b.append(']').toString();
        }
        if (v instanceof Num n) return n.text();
        if (v instanceof Bool b) return Boolean.toString(b.value());
        return yamlScalar(((Str) v).text());
    }

    /** A text as a YAML scalar inside a flow collection: plain when unambiguous, else double-quoted. */
    static String yamlScalar(String s) {
        if (PLAIN_FLOW.matcher(s).matches() && !s.endsWith(" ") && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return quoted(s);
    }

    /** A text as a YAML scalar in block context (a value or key on its own line). */
    static String yamlBlockScalar(String s) {
        return plainBlock(s) ? s : yamlScalar(s);
    }

    /**
     * Whether a text can be written plain in block context: starts with a letter or digit, holds
     * no ": " or " #" (which would start a mapping or a comment), no tab or control character,
     * does not end with a space or a colon, is not a YAML 1.1 boolean or null, and, when it starts
     * with a digit, holds a space and a letter (so it cannot be a number, date or time).
     */
    static boolean plainBlock(String s) {
        if (!PLAIN_BLOCK.matcher(s).matches() || s.endsWith(" ") || s.endsWith(":") || s.contains(": ")
                || s.contains(" #") || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) if (needsEscape(s, i)) return false;
        return !Character.isDigit(s.charAt(0)) || (s.indexOf(' ') > 0 && LETTER.matcher(s).matches());
    }

    // ---------------------------------------------------------------- JSON

    static String json(Obj root) {
        PourparlerEmitter e = new PourparlerEmitter();
        e.jsonValue(root, 0, 0);
        e.out.append('\n');
        return e.out.toString();
    }

    private void jsonValue(PourparlerDoc v, int indent, int column) {
        if (v instanceof Obj o) {
            if (o.entries().isEmpty()) {
                out.append("{}");
            } else if (inlineable(o) && column + jsonFlow(o).length() <= WIDTH) {
                out.append(jsonFlow(o));
            } else {
                out.append("{\n");
                List<Map.Entry<String, PourparlerDoc>> es = o.entries();
                for (int i = 0; i < es.size(); i++) {
                    String key = quoted(es.get(i).getKey());
                    out.append(" ".repeat(indent + 2)).append(key).append(": ");
                    jsonValue(es.get(i).getValue(), indent + 2, indent + 4 + key.length());
                    out.append(i + 1 < es.size() ? ",\n" : "\n");
                }
                out.append(" ".repeat(indent)).append('}');
            }
        } else if (v instanceof Arr a) {
            if (a.items().isEmpty()) {
                out.append("[]");
            } else if (inlineable(a) && column + jsonFlow(a).length() <= WIDTH) {
                out.append(jsonFlow(a));
            } else {
                out.append("[\n");
                for (int i = 0; i < a.items().size(); i++) {
                    out.append(" ".repeat(indent + 2));
                    jsonValue(a.items().get(i), indent + 2, indent + 2);
                    out.append(i + 1 < a.items().size() ? ",\n" : "\n");
                }
                out.append(" ".repeat(indent)).append(']');
            }
        } else {
            out.append(jsonFlow(v));
        }
    }

    private static String jsonFlow(PourparlerDoc v) {
        if (v instanceof Obj o) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, PourparlerDoc> e : o.entries()) {
                if (b.length() > 1) b.append(", ");
                b.append(quoted(e.getKey())).append(": ").append(jsonFlow(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof Arr a) {
            StringBuilder b = new StringBuilder("[");
            for (PourparlerDoc d : a.items()) {
                if (b.length() > 1) b.append(", ");
                b.append(jsonFlow(d));
            }
            return b.append(']').toString();
        }
        if (v instanceof Num n) return n.text();
        if (v instanceof Bool b) return Boolean.toString(b.value());
        return quoted(((Str) v).text());
    }

    // ---------------------------------------------------------------- quoting

    /**
     * A double-quoted string valid in both JSON and YAML: the escapes used ({@code \" \\ \n \t \r
     * \\uXXXX}) mean the same in both.
     */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (needsEscape(s, i)) b.append(String.format("\\u%04X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * Characters a YAML reader would refuse or change if written raw: controls, YAML 1.1 line
     * breaks (U+0085, U+2028, U+2029), byte-order marks, non-characters and unpaired surrogates.
     */
    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) return true;
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
