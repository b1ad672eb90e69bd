package org.pourparler.io.pourparler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A value of a parsed YAML or JSON scenario file, with its field path and position, so that every
 * later error can say where it is. YAML and JSON give the same tree.
 */
public sealed interface PourparlerNode permits PourparlerNode.MapNode, PourparlerNode.ListNode, PourparlerNode.ScalarNode {

    /** Field path from the root, e.g. {@code parties[1].utility.issues.territory.weight}; "" for the root. */
    String path();

    /** 1-based line, or 0 when unknown. */
    int line();

    /** 1-based column, or 0 when unknown. */
    int column();

    /** What kind of value this is, for messages: "a mapping", "a list", "text", ... */
    String describe();

    /** A mapping, keys in file order. */
    public record MapNode(String path, int line, int column, Map<String, PourparlerNode> entries) implements PourparlerNode {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public PourparlerNode get(String key) { return entries.get(key); }

        public boolean has(String key) { return entries.containsKey(key); }

        @Override public String describe() { return "a mapping"; }
    }

    /** A list. */
    public record ListNode(String path, int line, int column, List<PourparlerNode> items) implements PourparlerNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override public String describe() { return "a list"; }
    }

    /** Kinds of scalar, as the YAML/JSON parser typed them. */
    enum ScalarKind { TEXT, NUMBER, TRUE, FALSE, NULL }

    /** A scalar; {@code text} is the value as written (a number's digits exactly as in the file). */
    public record ScalarNode(String path, int line, int column, ScalarKind kind, String text) implements PourparlerNode {
        @Override
        public String describe() {
            return switch (kind) {
                case TEXT -> text.isEmpty() ? "an empty value" : "the text '" + PourparlerNode.abbreviate(text) + "'";
                case NUMBER -> "the number " + PourparlerNode.abbreviate(text);
                case TRUE, FALSE -> "the boolean " + text;
                case NULL -> "empty (null)";
            };
        }
    }

    /** Where a node is, for messages: {@code line 12, column 7, at parties[1].name}. */
    public static String where(PourparlerNode n) {
        return where(n.path(), n.line(), n.column());
    }

    public static String where(String path, int line, int column) {
        StringBuilder b = new StringBuilder();
        if (line > 0) b.append("line ").append(line).append(", column ").append(column);
        if (!path.isEmpty()) {
            if (b.length() > 0) b.append(", at ");
            b.append(path);
        }
        return b.toString();
    }

    /** The path of a map entry. */
    public static String child(String path, String key) {
        String k = SIMPLE_KEY.matcher(key).matches() ? key : "[" + quote(key) + "]";
        if (path.isEmpty()) return k;
        return k.startsWith("[") ? path + k : path + "." + k;
    }

    /** The path of a list item. */
    public static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    Pattern SIMPLE_KEY = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*");

    /** Double-quoted, for messages and paths: the same quoting the writer uses. */
    public static String quote(String s) {
        return PourparlerEmitter.quoted(s);
    }

    /** A text shortened for messages. */
    public static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
